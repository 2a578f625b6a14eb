import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { ClaimResponse } from "../../../src/domain/fhir/claim-response";
import { exampleCopy, itemAmounts } from "../../fhir/fhir-examples";
import { createUser, type TestUser } from "../../helpers";
import { freshMember, remainingBenefitCents } from "../claims/health-fixtures";
import { exampleReferenceData, fhirBody, postFhirClaim } from "./fhir-fixtures";

let hospital: TestUser;

beforeAll(async () => {
  hospital = await createUser("provider", { providerId: "1" });
});

describe("the benefit shared by multi-item FHIR claims under concurrency", () => {
  it("60 simultaneous three-item claims against one member never approve more than the benefit held", async () => {
    await exampleReferenceData({ members: [] });
    const member = await freshMember(10_000);
    // The official three-item oral claim for one member, each copy on its own service day so none is a duplicate of another.
    const claims = Array.from({ length: 60 }, (_, i) => {
      const claim = exampleCopy("oralMultiItem");
      claim.patient = { reference: `Patient/${member}` };
      const day = `2014-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, "0")}`;
      for (const item of claim.item) item.servicedDate = day;
      return claim;
    });
    const responses = await Promise.all(claims.map((claim) => postFhirClaim(claim, hospital.token)));
    expect(responses.map((res) => res.status)).toEqual(responses.map(() => 201));
    const answers = await Promise.all(responses.map((res) => fhirBody(res, 201, "ClaimResponse")));

    const paidCents = (answer: ClaimResponse) => Math.round((answer.payment?.amount.value ?? 0) * 100);
    const itemBenefitCents = (answer: ClaimResponse) =>
      itemAmounts(answer).reduce((sum, [, , , benefit]) => sum + Math.round((benefit ?? 0) * 100), 0);
    expect(answers.reduce((sum, answer) => sum + paidCents(answer), 0)).toBe(1_000_000);
    for (const answer of answers) expect(itemBenefitCents(answer)).toBe(paidCents(answer));
    expect(await remainingBenefitCents(member)).toBe(0);

    const outcomes = answers.map((answer) => answer.outcome);
    expect(outcomes.filter((o) => o === "complete").length).toBe(7); // 7 × 1340.57 = 9383.99 fits in 10,000.00
    expect(outcomes.filter((o) => o === "partial").length).toBe(1);
    expect(outcomes.filter((o) => o === "error").length).toBe(52);

    const ledger = await env.DB.prepare(
      "SELECT sum(approved_amount_cents) AS approved, count(*) AS n FROM claims WHERE member_id = ?",
    )
      .bind(member)
      .first<{ approved: number; n: number }>();
    expect(ledger).toEqual({ approved: 1_000_000, n: 60 });
    const lines = await env.DB.prepare(
      "SELECT sum(l.value ->> '$.approved_amount_cents') AS approved FROM claims c, json_each(c.lines) l WHERE c.member_id = ?",
    )
      .bind(member)
      .first<{ approved: number }>();
    expect(lines!.approved).toBe(1_000_000);
    const deductions = await env.DB.prepare(
      "SELECT sum(json_extract(after, '$.deducted_cents')) AS total FROM audit_events WHERE entity_type = 'member' AND entity_id = ?",
    )
      .bind(member)
      .first<{ total: number }>();
    expect(deductions!.total).toBe(1_000_000);
  });
});
