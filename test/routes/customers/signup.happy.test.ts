import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { postCustomerRoute } from "../../../src/routes/customers/post";
import { signupBody } from "../../customers/signup-body";
import { waitFor } from "../../events/wait";
import { api, readAs, uniqueIp } from "../../helpers";

const eventsOf = async (customerId: string) =>
  (
    await env.DB.prepare("SELECT detail_type, detail FROM domain_events WHERE customer_id = ? ORDER BY seq")
      .bind(customerId)
      .all<{ detail_type: string; detail: string }>()
  ).results;

describe("POST /customers", () => {
  it("signs up, answers 202, then screening accepts with upload URLs, as events in order", async () => {
    const body = signupBody();
    const res = await api("/api/v1/customers", { method: "POST", body, ip: uniqueIp() });
    const signup = await readAs(res, postCustomerRoute, 202);
    expect(signup.policy_id).toMatch(/^AUT-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const events = await waitFor(
      async () => {
        const rows = await eventsOf(signup.customer_id);
        return rows.length >= 2 ? rows : undefined;
      },
      30_000,
      "Customer.Accepted",
    );
    expect(events.map((e) => e.detail_type)).toEqual(["Customer.Submitted", "Customer.Accepted"]);
    const accepted = JSON.parse(events[1]!.detail);
    expect(accepted).toMatchObject({ customerId: signup.customer_id, policyId: signup.policy_id });
    expect(accepted.driversLicenseImageUrl).toMatch(/^http:\/\/claimsedge\.test\/api\/v1\/uploads\//);

    const stored = await env.DB.prepare("SELECT ssn_hash, ssn_last4, status FROM customers WHERE id = ?")
      .bind(signup.customer_id)
      .first<{ ssn_hash: string; ssn_last4: string; status: string }>();
    expect(stored?.ssn_last4).toBe(body.ssn.slice(-4));
    expect(stored?.ssn_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.ssn_hash).not.toContain(body.ssn.replace(/-/g, ""));
  });
});
