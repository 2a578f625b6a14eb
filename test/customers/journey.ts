import { env } from "cloudflare:workers";
import { loginResponseSchema } from "../../src/routes/auth/login/post";
import { postCustomerRoute } from "../../src/routes/customers/post";
import { waitFor } from "../events/wait";
import { api, readAs, readBody, uniqueIp } from "../helpers";
import { type SignupOverrides, signupBody } from "./signup-body";

export interface LoggedEventRow {
  seq: number;
  id: string;
  detail_type: string;
  detail: Record<string, unknown>;
}

/** The customer's events in log order. */
export async function eventsOf(customerId: string): Promise<LoggedEventRow[]> {
  const { results } = await env.DB.prepare(
    "SELECT seq, id, detail_type, detail FROM domain_events WHERE customer_id = ? ORDER BY seq",
  )
    .bind(customerId)
    .all<{ seq: number; id: string; detail_type: string; detail: string }>();
  return results.map((row) => ({ ...row, detail: JSON.parse(row.detail) }));
}

/** Waits until the customer's log holds an event of this type (the `nth`, 1-based), and returns it. */
export const waitForEvent = (customerId: string, type: string, nth = 1, timeoutMs = 30_000) =>
  waitFor(
    async () => (await eventsOf(customerId)).filter((e) => e.detail_type === type)[nth - 1],
    timeoutMs,
    `${type} #${nth} for ${customerId}`,
  );

export async function signUp(overrides: SignupOverrides = {}) {
  const body = signupBody(overrides);
  const res = await api("/api/v1/customers", { method: "POST", body, ip: uniqueIp() });
  const signup = await readAs(res, postCustomerRoute, 202);
  return { customerId: signup.customer_id, policyId: signup.policy_id, body };
}

export async function loginAs(email: string, password: string): Promise<string> {
  const res = await api("/api/v1/auth/login", { method: "POST", body: { email, password }, ip: uniqueIp() });
  return (await readBody(res, loginResponseSchema)).access_token;
}

/** A customer whose signup was accepted: its token and the upload URLs of Customer.Accepted. */
export async function acceptedCustomer(overrides: SignupOverrides = {}) {
  const signup = await signUp(overrides);
  const accepted = await waitForEvent(signup.customerId, "Customer.Accepted");
  const token = await loginAs(signup.body.email, signup.body.password);
  return {
    ...signup,
    token,
    licenceUrl: accepted.detail.driversLicenseImageUrl as string,
    carUrl: accepted.detail.carImageUrl as string,
  };
}

/** PUT an image to a signed upload URL, as the app does. */
export const putImage = (url: string, bytes: ArrayBuffer | Uint8Array, contentType = "image/jpeg") =>
  api(new URL(url).pathname, {
    method: "PUT",
    body: bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes),
    headers: { "content-type": contentType, "content-length": String(bytes.byteLength) },
  });

/** Waits until every event of the customer has been dispatched to its reactors (its emails written, its verdicts out). */
export const allDelivered = (customerId: string, timeoutMs = 30_000) =>
  waitFor(
    async () => {
      const row = await env.DB.prepare(
        `SELECT count(*) AS n FROM event_deliveries d JOIN domain_events e ON e.id = d.event_id
         WHERE e.customer_id = ? AND d.status = 'PENDING'`,
      )
        .bind(customerId)
        .first<{ n: number }>();
      return row?.n === 0 ? true : undefined;
    },
    timeoutMs,
    `every event of ${customerId} delivered`,
  );
