// First notice of loss, the claim: claim submission → Claim.Accepted, and damage-photo upload →
// Settlement.Finalized and → Vendor.Finalized, as the customer's WebSocket receives them, over
// N journeys (default 20). Baseline in the same run: an empty authenticated route (GET /auth/session).
//   npm run bench:fnol-claim [-- --journeys 20]
import { existsSync, readFileSync } from "node:fs";
import sharp from "sharp";
import { startLocalServer } from "../scripts/lib/local-server";
import { signupBody } from "../test/customers/signup-body";
import { claimBody } from "../test/fnol/claim-body";
import { apiClient } from "./lib/api";
import { emptyRouteTimer, openEventStream, waitFor } from "./lib/event-stream";
import { latencyRow } from "./lib/stats";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const journeys = arg("journeys", 20);
const LICENCE = new Uint8Array(readFileSync("test/fixtures/licences/back-v10-scan.jpg"));
const DAMAGE_PHOTO = "../shared/data/damage_severity/validation/moderate/val_moderate_001.jpg";
if (!existsSync(DAMAGE_PHOTO)) {
  console.log(`${DAMAGE_PHOTO} is absent (../shared/data): nothing to measure`);
  process.exit(0);
}
const PHOTO = new Uint8Array(
  await sharp(DAMAGE_PHOTO).resize(448, 448, { fit: "fill" }).jpeg({ quality: 90 }).toBuffer(),
);

// 20 customers from one address: the per-address limits on signups and uploads are off for the run.
const server = await startLocalServer(".bench-state", undefined, { RATE_LIMITS: "off" });
try {
  const { post, login } = apiClient(server.baseUrl);
  const admin = await login(server.adminEmail, server.adminPassword);
  const put = async (url: string, body: Uint8Array) => {
    const res = await fetch(url, { method: "PUT", body, headers: { "content-type": "image/jpeg" } });
    if (res.status >= 300) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  };
  const address = { street: "1 Bench Rd", city: "Phoenix", state: "AZ", zip: "85007" };
  const vendor = await fetch(`${server.baseUrl}/api/v1/vendors/BENCH-PHX`, {
    method: "PUT",
    headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
    body: JSON.stringify({
      name: "Bench Rentals",
      city: address.city,
      state: address.state,
      zip: address.zip,
      daily_rate: 35,
      available_units: 1000,
    }),
  });
  if (!vendor.ok) throw new Error(`vendor: ${vendor.status} ${await vendor.text()}`);

  const baseline = emptyRouteTimer(server.baseUrl);

  /** A customer ready to claim: accepted, licence processed, email verified, stream open. */
  const onboard = async () => {
    const body = signupBody({ first_name: "Michael", last_name: "Williams", color: "White", address });
    const { customer_id: customerId, policy_id: policyId } = (await post("/api/v1/customers", body)) as {
      customer_id: string;
      policy_id: string;
    };
    const token = await login(body.email, body.password);
    const stream = await openEventStream(server.baseUrl, token);
    const first = stream.first;
    await waitFor("Customer.Accepted", () => !!first("Customer.Accepted"));
    await put(String(first("Customer.Accepted")!.event.detail.driversLicenseImageUrl), LICENCE);
    await waitFor("the licence verdict", () => !!first("Fraud.Not.Detected"));
    for (let i = 0; i < 200; i++) {
      const res = await fetch(`${server.baseUrl}/api/v1/dev/outbox?to=${encodeURIComponent(body.email)}`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      const { emails } = (await res.json()) as { emails: { body: string }[] };
      const code = emails.map((e) => e.body.match(/code is (\d{6})/)?.[1]).find(Boolean);
      if (code) {
        await post("/api/v1/customers/verify", { email: body.email, code });
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { customerId, policyId, token, first, close: stream.close };
  };

  const customers: Awaited<ReturnType<typeof onboard>>[] = [];
  for (let i = 0; i < journeys; i += 5) {
    customers.push(...(await Promise.all(Array.from({ length: Math.min(5, journeys - i) }, onboard))));
  }
  const toAccepted: number[] = [];
  const toSettlement: number[] = [];
  const toVendor: number[] = [];
  // One journey at a time: the latency of a claim, not of 20 claims queueing on 2 shared cores.
  for (const c of customers) {
    await baseline.time(c.token);
    const filedAt = Date.now();
    await post("/api/v1/fnol/claims", claimBody(c), c.token);
    await waitFor("Claim.Accepted", () => !!c.first("Claim.Accepted") || !!c.first("Claim.Rejected"));
    const accepted = c.first("Claim.Accepted");
    if (!accepted) throw new Error(`claim rejected: ${JSON.stringify(c.first("Claim.Rejected")!.event.detail)}`);
    toAccepted.push(accepted.at - filedAt);
    const uploadedAt = Date.now();
    await put(String(accepted.event.detail.uploadCarDamageUrl), PHOTO);
    await waitFor("the settlement", () => !!c.first("Settlement.Finalized") || !!c.first("Fraud.Detected"));
    const settled = c.first("Settlement.Finalized");
    if (!settled) throw new Error("the damage photo was judged fraudulent");
    toSettlement.push(settled.at - uploadedAt);
    await waitFor("Vendor.Finalized", () => !!c.first("Vendor.Finalized"));
    toVendor.push(c.first("Vendor.Finalized")!.at - uploadedAt);
    c.close();
  }

  console.table([
    latencyRow("GET /auth/session (baseline)", baseline.samples, baseline.samples, 0),
    latencyRow("claim submitted → Claim.Accepted on the socket", toAccepted, baseline.samples, 0),
    latencyRow("damage photo uploaded → Settlement.Finalized", toSettlement, baseline.samples, 0),
    latencyRow("damage photo uploaded → Vendor.Finalized", toVendor, baseline.samples, 0),
  ]);
} finally {
  server.stop();
}
