import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { dispatchEvent } from "../../../src/events/dispatch";
import { toLoggedEvent } from "../../../src/events/event-log";
import { REACTORS } from "../../../src/events/reactors";
import { listClaimsRoute } from "../../../src/routes/claims/list";
import { listEventsRoute } from "../../../src/routes/events/list";
import { getFnolClaimRoute } from "../../../src/routes/fnol/claims/get";
import { postSettlementOverrideRoute } from "../../../src/routes/fnol/claims/settlement/override/post";
import { eventsOf, waitForEvent } from "../../customers/journey";
import { installOcrLanguageData } from "../../fnol/claim-journey";
import { settledClaim } from "../../fnol/settled-claim";
import { api, createUser, db, expectError, readAs } from "../../helpers";

beforeAll(installOcrLanguageData);

const bookings = (claimId: string) =>
  env.DB.prepare("SELECT vendor_id, days, total_cents, settlement_version FROM rental_bookings WHERE claim_id = ?")
    .bind(claimId)
    .all<{ vendor_id: string; days: number; total_cents: number; settlement_version: number }>();
const unitsOf = async (vendorId: string) =>
  (
    await env.DB.prepare("SELECT available_units AS n FROM rental_vendors WHERE id = ?")
      .bind(vendorId)
      .first<{ n: number }>()
  )?.n;

describe("settlement and rental car of a first notice of loss", { timeout: 120_000 }, () => {
  it("the claim in full for its customer and in GET /claims for an admin; a redelivered Settlement.Finalized books nothing twice", async () => {
    const { customer, claimId, vendorIds, vendor } = await settledClaim();
    expect(vendor.detail).toMatchObject({ finalized: true, vendorId: vendorIds[0], daily_rate: 35 });
    const view = await readAs(
      await api(`/api/v1/fnol/claims/${claimId}`, { token: customer.token }),
      getFnolClaimRoute,
      200,
    );
    expect(view).toMatchObject({
      claim_id: claimId,
      stage: "SETTLED",
      status: "APPROVED",
      settlement: { version: 1, total_loss: false, deductible: 500 },
      rental: { booked: true, vendor_id: vendorIds[0] },
    });
    expect(view.settlement!.payout).toBeGreaterThan(0);
    expect(view.settlement!.out_of_pocket).toBe(500);

    const admin = await createUser("admin");
    const list = await readAs(
      await api(`/api/v1/claims?channel=fnol&customer_id=${customer.customerId}`, { token: admin.token }),
      listClaimsRoute,
      200,
    );
    expect(list.claims).toEqual([expect.objectContaining({ claim_id: claimId, channel: "fnol", status: "APPROVED" })]);

    // The rental booked one car; delivering the settlement's event again changes nothing.
    const unitsAfterBooking = await unitsOf(vendorIds[0]!);
    expect(unitsAfterBooking).toBe(2);
    const row = await env.DB.prepare(
      "SELECT * FROM domain_events WHERE detail_type = 'Settlement.Finalized' AND subject_id = ?",
    )
      .bind(claimId)
      .first();
    const logged = toLoggedEvent({
      seq: row!.seq as number,
      id: row!.id as string,
      detailType: row!.detail_type as string,
      source: row!.source as string,
      time: row!.time as string,
      version: row!.version as string,
      customerId: row!.customer_id as string,
      subjectId: row!.subject_id as string,
      detail: JSON.parse(row!.detail as string),
      pseudonymisedAt: null,
    });
    const report = await dispatchEvent(env, db(), logged, REACTORS);
    expect(report.reacted).toEqual([]);
    expect(report.alreadyDone).toContain("rental");
    expect((await bookings(claimId)).results).toHaveLength(1);
    expect(await unitsOf(vendorIds[0]!)).toBe(2);
    expect((await eventsOf(customer.customerId)).filter((e) => e.detail_type === "Vendor.Finalized")).toHaveLength(1);

    // "Clear all data": the claim stays for the books, what identifies people in it goes.
    expect(
      (await api(`/api/v1/customers/${customer.customerId}`, { method: "DELETE", token: customer.token })).status,
    ).toBe(200);
    const erased = await env.DB.prepare(
      "SELECT submission, drivers_license_number, stage FROM fnol_claims WHERE claim_id = ?",
    )
      .bind(claimId)
      .first<{ submission: string; drivers_license_number: string; stage: string }>();
    expect(erased).toEqual({
      submission: JSON.stringify({ erased: true }),
      drivers_license_number: "[ERASED]",
      stage: "SETTLED",
    });
  });

  it("an adjuster's override is a new audited version with its own Settlement.Finalized; the rental follows its days", async () => {
    const { customer, claimId } = await settledClaim({ minor: 0.1, moderate: 0.8, severe: 0.1 });
    const adjuster = await createUser("insurer");
    const first = (await waitForEvent(customer.customerId, "Settlement.Finalized")).detail;
    const override = (body: object, headers: Record<string, string> = {}) =>
      api(`/api/v1/fnol/claims/${claimId}/settlement/override`, {
        method: "POST",
        token: adjuster.token,
        body,
        headers,
      });
    const read = await api(`/api/v1/fnol/claims/${claimId}`, { token: adjuster.token });
    const etag = read.headers.get("etag")!;
    expect(etag).toBe(`"${(await readAs(read, getFnolClaimRoute, 200)).version}"`);

    const reason = "Other party's insurer accepted liability; deductible waived.";
    const overridden = await override(
      { reason, expected_version: 1, deductible: 0, repair_days: 5 },
      { "if-match": etag },
    );
    const newEtag = overridden.headers.get("etag");
    const revised = await readAs(overridden, postSettlementOverrideRoute, 201);
    expect(revised).toMatchObject({ version: 2, deductible: 0, rental_days: 5, decided_by: adjuster.id });
    expect(revised.decision).toMatchObject({
      by: "adjuster",
      reason,
      adjuster: { id: adjuster.id, email: adjuster.email },
    });
    expect(newEtag).not.toBe(etag);
    // The page that read the claim before the override is now stale: 412, whatever it asks.
    await expectError(
      await override({ reason: "again", expected_version: 2, deductible: 100 }, { "if-match": etag }),
      412,
      "PRECONDITION_FAILED",
    );
    // Every version, oldest first: staff read who and why; the customer that an adjuster revised it.
    const staffView = await readAs(
      await api(`/api/v1/fnol/claims/${claimId}`, { token: adjuster.token }),
      getFnolClaimRoute,
      200,
    );
    expect(staffView.settlement_versions.map((v) => [v.version, v.decision.by])).toEqual([
      [1, "assessment"],
      [2, "adjuster"],
    ]);
    expect(staffView.settlement).toEqual(staffView.settlement_versions[1]);
    const customerView = await readAs(
      await api(`/api/v1/fnol/claims/${claimId}`, { token: customer.token }),
      getFnolClaimRoute,
      200,
    );
    expect(customerView.settlement).toMatchObject({
      version: 2,
      decided_by: "adjuster",
      decision: { by: "adjuster", adjuster: null, reason: null },
    });
    expect(JSON.stringify(customerView)).not.toContain(adjuster.id);
    // A stale version or a second identical override is refused; nothing is written.
    await expectError(await override({ reason: "again", expected_version: 1, deductible: 0 }), 409, "CONFLICT");
    await expectError(await override({ reason: "no change", expected_version: 2, deductible: 0 }), 409, "CONFLICT");

    const second = await waitForEvent(customer.customerId, "Settlement.Finalized", 2);
    expect(second.detail).toMatchObject({ version: 2, overridden: true, deductible: 0, rental_days: 5 });
    expect(second.detail.settlementId).not.toBe(first.settlementId);
    const rebooked = await waitForEvent(customer.customerId, "Vendor.Finalized", 2);
    expect(rebooked.detail).toMatchObject({ finalized: true, days: 5 });
    const { results } = await bookings(claimId);
    expect(results).toEqual([expect.objectContaining({ days: 5, settlement_version: 2 })]);
    // The claim's own timeline: its events only (not the signup's), in log order, the photo's included.
    const timeline = await readAs(
      await api(`/api/v1/events?claim_id=${claimId}`, { token: adjuster.token }),
      listEventsRoute,
      200,
    );
    expect(timeline.events.map((e) => e["detail-type"])).toEqual([
      "Claim.Requested",
      "Claim.Accepted",
      "Document.Processed",
      "Fraud.Not.Detected",
      "Settlement.Finalized",
      "Vendor.Finalized",
      "Settlement.Finalized",
      "Vendor.Finalized",
    ]);

    // Versions are append-only: the first is as it was, and the database refuses to change it.
    await expect(
      env.DB.prepare("UPDATE fnol_settlements SET payout_cents = 0 WHERE claim_id = ? AND version = 1")
        .bind(claimId)
        .run(),
    ).rejects.toThrow(/append-only/);
    const audit = await env.DB.prepare(
      "SELECT actor_id, after FROM audit_events WHERE entity_id = ? AND action = 'claim.fnol_settlement_overridden'",
    )
      .bind(claimId)
      .all<{ actor_id: string; after: string }>();
    expect(audit.results).toHaveLength(1);
    expect(audit.results[0]!.actor_id).toBe(adjuster.id);
    expect(JSON.parse(audit.results[0]!.after).changes).toMatchObject({ deductibleCents: { from: 50_000, to: 0 } });
    // The customer may not override.
    await expectError(
      await api(`/api/v1/fnol/claims/${claimId}/settlement/override`, {
        method: "POST",
        token: customer.token,
        body: { reason: "x", expected_version: 2, payout: 1 },
      }),
      403,
      "FORBIDDEN",
    );
  });
});
