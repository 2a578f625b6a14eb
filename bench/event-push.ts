// First notice of loss, live push: signup → Customer.Accepted, and event commit → WebSocket receipt
// with 50 sockets connected (25 customers, two devices each) while every customer uploads its
// licence at once. Baseline in the same run: an empty authenticated route (GET /auth/session).
//   npm run bench:event-push [-- --customers 25]
import { readFileSync } from "node:fs";
import { startLocalServer } from "../scripts/lib/local-server";
import { signupBody } from "../test/customers/signup-body";
import { apiClient } from "./lib/api";
import { percentile } from "./lib/stats";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
// The signup limiter allows 30 per address and minute.
const customers = Math.min(arg("customers", 25), 30);
const socketsPerCustomer = 2;
const LICENCE = new Uint8Array(readFileSync("test/fixtures/licences/back-v01-scan.jpg"));

interface Envelope {
  id: string;
  "detail-type": string;
  time: string;
  detail: Record<string, unknown>;
}

interface Client {
  token: string;
  signedUpAt: number;
  sockets: { received: { event: Envelope; at: number }[]; close: () => void }[];
}

const server = await startLocalServer(".bench-state");
try {
  const { post } = apiClient(server.baseUrl);
  const wsBase = server.baseUrl.replace(/^http/, "ws");

  const openSocket = async (token: string) => {
    const { stream_url } = (await post("/api/v1/events/stream/ticket", {}, token)) as { stream_url: string };
    const socket = new WebSocket(`${wsBase}${stream_url}`);
    const received: { event: Envelope; at: number }[] = [];
    socket.addEventListener("message", (m) => received.push({ event: JSON.parse(String(m.data)), at: Date.now() }));
    await new Promise((resolve, reject) => {
      socket.addEventListener("open", resolve, { once: true });
      socket.addEventListener("error", () => reject(new Error("the stream did not open")), { once: true });
    });
    return { received, close: () => socket.close() };
  };

  const until = async (what: string, done: () => boolean, timeoutMs = 120_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const baseline: number[] = [];
  const sessionOf = async (token: string) => {
    const started = performance.now();
    const res = await fetch(`${server.baseUrl}/api/v1/auth/session`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    baseline.push(performance.now() - started);
  };

  // Signups, five at a time: each customer logs in and connects its devices as the app does.
  const clients: Client[] = [];
  for (let i = 0; i < customers; i += 5) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(5, customers - i) }, async () => {
        const body = signupBody();
        const signedUpAt = Date.now();
        await post("/api/v1/customers", body);
        const { access_token: token } = (await post("/api/v1/auth/login", {
          email: body.email,
          password: body.password,
        })) as { access_token: string };
        const sockets = await Promise.all(Array.from({ length: socketsPerCustomer }, () => openSocket(token)));
        return { token, signedUpAt, sockets };
      }),
    );
    clients.push(...batch);
  }
  const accepted = (c: Client) => c.sockets[0]!.received.find((r) => r.event["detail-type"] === "Customer.Accepted");
  await until("every Customer.Accepted", () => clients.every(accepted));
  const signupToAccepted = clients.map((c) => Date.parse(accepted(c)!.event.time) - c.signedUpAt);
  for (const c of clients) await sessionOf(c.token);

  // Every customer uploads its licence at once; each verdict fans out to both of its sockets.
  const before = clients.map((c) => c.sockets.map((s) => s.received.length));
  await Promise.all(
    clients.map(async (c) => {
      const url = String(accepted(c)!.event.detail.driversLicenseImageUrl);
      const res = await fetch(url, { method: "PUT", body: LICENCE, headers: { "content-type": "image/jpeg" } });
      if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
    }),
  );
  const verdict = (r: { event: Envelope }) => r.event["detail-type"].startsWith("Fraud.");
  await until("every socket's verdict", () => clients.every((c) => c.sockets.every((s) => s.received.some(verdict))));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const pushDelays = clients.flatMap((c, ci) =>
    c.sockets.flatMap((s, si) => s.received.slice(before[ci]![si]).map((r) => r.at - Date.parse(r.event.time))),
  );
  for (const c of clients) await sessionOf(c.token);
  for (const c of clients) for (const s of c.sockets) s.close();

  const base = percentile(baseline, 50);
  const row = (name: string, values: number[]) => ({
    measure: name,
    n: values.length,
    "p50 ms": percentile(values, 50).toFixed(1),
    "p99 ms": percentile(values, 99).toFixed(1),
    "p50 / baseline p50": (percentile(values, 50) / base).toFixed(1),
  });
  console.table([
    row("GET /auth/session (baseline)", baseline),
    row("signup → Customer.Accepted (event time)", signupToAccepted),
    row(`event commit → WebSocket receipt (${customers * socketsPerCustomer} sockets)`, pushDelays),
  ]);
} finally {
  server.stop();
}
