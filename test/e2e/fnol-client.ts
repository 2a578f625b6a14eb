import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { loginResponseSchema } from "../../src/routes/auth/login/post";
import { postCustomerRoute } from "../../src/routes/customers/post";
import { postStreamTicketRoute } from "../../src/routes/events/stream/ticket/post";
import { signupBody } from "../customers/signup-body";
import { as, call } from "./http";

// A first-notice-of-loss client as the app is one: signup, login, the event stream, signed uploads.

export const schemaOf = (route: { responses: object }, status: number) =>
  (route.responses as Record<number, { content: { "application/json": { schema: never } } }>)[status]!.content[
    "application/json"
  ].schema;

export interface StreamedEvent {
  id: string;
  "detail-type": string;
  detail: Record<string, unknown>;
}

/** A browser-style client: a single-use ticket, then the WebSocket; collects every event in arrival order. */
export async function openStream(token: string, after?: string) {
  const ticket = as(
    await call("/api/v1/events/stream/ticket", { method: "POST", token }),
    schemaOf(postStreamTicketRoute, 201),
    201,
  ) as {
    stream_url: string;
  };
  const url = `${inject("baseUrl").replace(/^http/, "ws")}${ticket.stream_url}${after ? `&after=${after}` : ""}`;
  const socket = new WebSocket(url);
  const received: StreamedEvent[] = [];
  socket.addEventListener("message", (message) => received.push(JSON.parse(String(message.data))));
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener("open", () => resolve(), { once: true });
    socket.addEventListener("error", () => reject(new Error("the stream did not open")), { once: true });
  });
  const until = async (predicate: (events: StreamedEvent[]) => boolean, what: string, timeoutMs = 45_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(received)) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; got ${received.map((e) => e["detail-type"]).join(", ")}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return received.slice();
  };
  const close = () =>
    new Promise<void>((resolve) => {
      socket.addEventListener("close", () => resolve(), { once: true });
      socket.close();
    });
  return { received, until, close };
}

export const types = (events: StreamedEvent[]) => events.map((e) => e["detail-type"]);
export const has =
  (type: string, n = 1) =>
  (events: StreamedEvent[]) =>
    events.filter((e) => e["detail-type"] === type).length >= n;

export async function signUpAndLogIn(overrides: Parameters<typeof signupBody>[0] = {}) {
  const body = signupBody(overrides);
  const signup = as(
    await call("/api/v1/customers", { method: "POST", body }),
    schemaOf(postCustomerRoute, 202),
    202,
  ) as {
    customer_id: string;
    policy_id: string;
  };
  const login = as(
    await call("/api/v1/auth/login", { method: "POST", body: { email: body.email, password: body.password } }),
    loginResponseSchema,
  );
  return { body, customerId: signup.customer_id, policyId: signup.policy_id, token: login.access_token };
}

export async function put(url: string, bytes: Uint8Array, contentType = "image/jpeg") {
  const res = await fetch(url, { method: "PUT", body: bytes, headers: { "content-type": contentType } });
  return { status: res.status, headers: res.headers, body: (await res.json()) as unknown };
}

export const licence = (file: string) => new Uint8Array(readFileSync(`test/fixtures/licences/${file}`));

/** Confirms the customer's email with the code from the local outbox (read by an admin). */
export async function verifyEmailByOutbox(email: string, admin: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    const outbox = await call(`/api/v1/dev/outbox?to=${encodeURIComponent(email)}`, { token: admin });
    const emails = (outbox.body as { emails?: { body: string }[] }).emails ?? [];
    const code = emails.map((e) => e.body.match(/code is (\d{6})/)?.[1]).find(Boolean);
    if (code) {
      const verified = await call("/api/v1/customers/verify", { method: "POST", body: { email, code } });
      if (verified.status !== 200) throw new Error(`verification answered ${verified.status}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no verification code for ${email}`);
}
