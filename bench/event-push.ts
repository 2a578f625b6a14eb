// First notice of loss, live push: signup → Customer.Accepted, and event commit → WebSocket receipt
// with 50 sockets connected (25 customers, two devices each) while every customer uploads its
// licence at once. Baseline in the same run: an empty authenticated route (GET /auth/session).
//   npm run bench:event-push [-- --customers 25]
import { readFileSync } from "node:fs";
import { startLocalServer } from "../scripts/lib/local-server";
import { signupBody } from "../test/customers/signup-body";
import { apiClient } from "./lib/api";
import { emptyRouteTimer, openEventStream, type ReceivedEvent, waitFor } from "./lib/event-stream";
import { latencyRow } from "./lib/stats";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
// The signup limiter allows 30 per address and minute.
const customers = Math.min(arg("customers", 25), 30);
const socketsPerCustomer = 2;
const LICENCE = new Uint8Array(readFileSync("test/fixtures/licences/back-v01-scan.jpg"));

interface Client {
  token: string;
  signedUpAt: number;
  sockets: Awaited<ReturnType<typeof openEventStream>>[];
}

const server = await startLocalServer(".bench-state");
try {
  const { post } = apiClient(server.baseUrl);
  const openSocket = (token: string) => openEventStream(server.baseUrl, token);
  const baseline = emptyRouteTimer(server.baseUrl);

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
  await waitFor("every Customer.Accepted", () => clients.every(accepted));
  const signupToAccepted = clients.map((c) => Date.parse(accepted(c)!.event.time) - c.signedUpAt);
  for (const c of clients) await baseline.time(c.token);

  // Every customer uploads its licence at once; each verdict fans out to both of its sockets.
  const before = clients.map((c) => c.sockets.map((s) => s.received.length));
  await Promise.all(
    clients.map(async (c) => {
      const url = String(accepted(c)!.event.detail.driversLicenseImageUrl);
      const res = await fetch(url, { method: "PUT", body: LICENCE, headers: { "content-type": "image/jpeg" } });
      if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
    }),
  );
  const verdict = (r: ReceivedEvent) => r.event["detail-type"].startsWith("Fraud.");
  await waitFor("every socket's verdict", () => clients.every((c) => c.sockets.every((s) => s.received.some(verdict))));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const pushDelays = clients.flatMap((c, ci) =>
    c.sockets.flatMap((s, si) => s.received.slice(before[ci]![si]).map((r) => r.at - Date.parse(r.event.time))),
  );
  for (const c of clients) await baseline.time(c.token);
  for (const c of clients) for (const s of c.sockets) s.close();

  console.table([
    latencyRow("GET /auth/session (baseline)", baseline.samples, baseline.samples),
    latencyRow("signup → Customer.Accepted (event time)", signupToAccepted, baseline.samples),
    latencyRow(
      `event commit → WebSocket receipt (${customers * socketsPerCustomer} sockets)`,
      pushDelays,
      baseline.samples,
    ),
  ]);
} finally {
  server.stop();
}
