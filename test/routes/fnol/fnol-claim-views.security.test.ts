import { describe, expect, it } from "vitest";
import { listEventsRoute } from "../../../src/routes/events/list";
import { getFnolClaimRoute } from "../../../src/routes/fnol/claims/get";
import { api, createUser, expectError, readAs } from "../../helpers";
import { FRAUD_REASON, storedFnolClaim } from "./fnol-claim-rows";

describe("a first notice of loss held for fraud, as each role reads it", () => {
  it("its customer reads UNDER_REVIEW and a notice, never the fraud check, its reasons or the model's probabilities", async () => {
    const customer = await createUser("customer");
    const claimId = await storedFnolClaim(customer);
    const res = await api(`/api/v1/fnol/claims/${claimId}`, { token: customer.token });
    const text = await res.clone().text();
    const view = await readAs(res, getFnolClaimRoute, 200);
    expect(view.stage).toBe("UNDER_REVIEW");
    expect(view).not.toHaveProperty("fraud_flag");
    expect(view).not.toHaveProperty("fraud_reason");
    expect(view.stage_reason).toMatch(/review by an adjuster/);
    expect(view.damage_assessment).toMatchObject({ color: "red", severity: "moderate" });
    expect(view.damage_assessment).not.toHaveProperty("severity_probabilities");
    expect(text).not.toContain("does not match");
    expect(text).not.toContain("FRAUD_DETECTED");

    const events = await readAs(
      await api(`/api/v1/events?claim_id=${claimId}`, { token: customer.token }),
      listEventsRoute,
      200,
    );
    expect(events.events.map((e) => e["detail-type"])).toEqual(["Claim.Requested", "Fraud.Detected"]);
    expect(JSON.stringify(events)).not.toContain(FRAUD_REASON);
    expect(events.events[1]!.detail).not.toHaveProperty("fraudReasons");
  });

  it("staff read the stage, the fraud reason and the probabilities; the ETag is the claim's version", async () => {
    const customer = await createUser("customer");
    const adjuster = await createUser("insurer");
    const claimId = await storedFnolClaim(customer);
    const res = await api(`/api/v1/fnol/claims/${claimId}`, { token: adjuster.token });
    const view = await readAs(res, getFnolClaimRoute, 200);
    expect(view).toMatchObject({ stage: "FRAUD_DETECTED", stage_reason: FRAUD_REASON, fraud_flag: true });
    expect(view.damage_assessment?.severity_probabilities).toEqual({ minor: 0.2, moderate: 0.7, severe: 0.1 });
    expect(res.headers.get("etag")).toBe(`"${view.version}"`);
    const events = await readAs(
      await api(`/api/v1/events?claim_id=${claimId}`, { token: adjuster.token }),
      listEventsRoute,
      200,
    );
    expect(events.events[1]!.detail).toMatchObject({ fraudReason: FRAUD_REASON });
  });

  it("another customer: 404 for the claim and an empty timeline, the same as for a claim that does not exist", async () => {
    const owner = await createUser("customer");
    const stranger = await createUser("customer");
    const claimId = await storedFnolClaim(owner);
    await expectError(await api(`/api/v1/fnol/claims/${claimId}`, { token: stranger.token }), 404, "CLAIM_NOT_FOUND");
    for (const id of [claimId, crypto.randomUUID()]) {
      const page = await readAs(
        await api(`/api/v1/events?claim_id=${id}`, { token: stranger.token }),
        listEventsRoute,
        200,
      );
      expect(page).toEqual({ events: [], next_after: null });
    }
    // Staff asking for a customer and another customer's claim get nothing either.
    const admin = await createUser("admin");
    const crossed = await readAs(
      await api(`/api/v1/events?claim_id=${claimId}&customer_id=${stranger.customerId}`, { token: admin.token }),
      listEventsRoute,
      200,
    );
    expect(crossed.events).toEqual([]);
  });
});
