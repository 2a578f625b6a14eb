import { existsSync, readFileSync } from "node:fs";
import sharp from "sharp";
import { inject } from "vitest";
import { loginResponseSchema } from "../../src/routes/auth/login/post";
import { postCustomerRoute } from "../../src/routes/customers/post";
import { postStreamTicketRoute } from "../../src/routes/events/stream/ticket/post";
import { postFnolClaimRoute } from "../../src/routes/fnol/claims/post";
import { signupBody } from "../customers/signup-body";
import type { claimBody } from "../fnol/claim-body";
import { adminToken, as, call } from "./http";

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

// A whole first notice of loss as the app files it: the real photos of ../shared/data, the real models.

export const SEVERITY = "../shared/data/damage_severity/validation";
export const COLOURS = "../shared/data/car_colors/training";
export const WHOLE_CARS = "../shared/data/car_damage/training/01-whole";
export const MODELS = ["models/colour/colour-classifier.onnx", "models/severity/severity-classifier.onnx"];
export const ready =
  existsSync(SEVERITY) && existsSync(WHOLE_CARS) && existsSync(COLOURS) && MODELS.every((m) => existsSync(m));

/** A real photo enlarged to the 320 px minimum the upload checks (the sets are mostly 224 px). */
export const photo = async (path: string) =>
  new Uint8Array(await sharp(path).resize(448, 448, { fit: "fill" }).jpeg({ quality: 90 }).toBuffer());
/** Damaged cars of a colour anyone would name (looked at): white, red. */
export const DAMAGED = {
  white: `${SEVERITY}/moderate/val_moderate_001.jpg`,
  red: `${SEVERITY}/moderate/val_moderate_021.jpg`,
};

export const place = () => {
  const zip = String(10_000 + Math.floor(Math.random() * 89_999));
  return { street: "12 Elm St", city: `Testville ${zip}`, state: "AZ", zip };
};

/** A customer whose licence passed and whose email is verified, with its stream open and vendors near it. */
export async function claimReady(color: string) {
  const address = place();
  const customer = await signUpAndLogIn({ first_name: "Michael", last_name: "Williams", color, address });
  const stream = await openStream(customer.token);
  const accepted = await stream.until(has("Customer.Accepted"), "Customer.Accepted");
  await put(String(accepted.at(-1)!.detail.driversLicenseImageUrl), licence("back-v10-scan.jpg"));
  await stream.until(has("Fraud.Not.Detected"), "the licence verdict", 90_000);
  const admin = await adminToken();
  await verifyEmailByOutbox(customer.body.email, admin);
  for (const [i, rate] of [39.5, 29.99, 55].entries()) {
    const res = await call(`/api/v1/vendors/V-${address.zip}-${i}`, {
      method: "PUT",
      token: admin,
      body: {
        name: `Rental ${i}`,
        city: address.city,
        state: "AZ",
        zip: address.zip,
        daily_rate: rate,
        available_units: 2,
      },
    });
    if (res.status !== 200) throw new Error(`the vendor was not stored: ${res.status}`);
  }
  return { ...customer, stream, admin };
}

export async function fileClaim(token: string, body: ReturnType<typeof claimBody>) {
  const filed = as(
    await call("/api/v1/fnol/claims", { method: "POST", token, body }),
    schemaOf(postFnolClaimRoute, 202),
    202,
  );
  return (filed as { claim_id: string }).claim_id;
}
