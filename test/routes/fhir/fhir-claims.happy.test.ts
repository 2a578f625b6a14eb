import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listClaimsRoute } from "../../../src/routes/claims/list";
import { postHealthClaimRoute } from "../../../src/routes/claims/post";
import { EXAMPLES, exampleCopy, itemAdjudication, itemAmounts, reasonCodes, totals } from "../../fhir/fhir-examples";
import { api, createUser, readAs, readBody, type TestUser } from "../../helpers";
import { healthClaimDetail } from "../claims/claim-details";
import { remainingBenefitCents } from "../claims/health-fixtures";
import { exampleReferenceData, fhirBody, postFhirClaim } from "./fhir-fixtures";

let hospital: TestUser;
let admin: TestUser;

beforeAll(async () => {
  hospital = await createUser("provider", { providerId: "1" });
  admin = await createUser("admin");
});

beforeEach(() => exampleReferenceData({ remaining: 50_000 }));

const claimDetail = async (id: string, token: string) =>
  readBody(await api(`/api/v1/claims/${id}`, { token }), healthClaimDetail);

describe("POST /api/v1/fhir/Claim with the official HL7 R4 examples", () => {
  it.each([
    ["oral", EXAMPLES.oral, 135.57],
    ["institutional", EXAMPLES.institutional, 125],
    ["professional", EXAMPLES.professional, 75],
    ["pharmacy", EXAMPLES.pharmacy, 60],
  ])("approves the %s example in full", async (_, example, amount) => {
    const res = await postFhirClaim(example, hospital.token);
    const response = await fhirBody(res, 201, "ClaimResponse");
    expect(response).toMatchObject({
      status: "active",
      use: "claim",
      outcome: "complete",
      type: example.type,
      patient: { reference: "Patient/1" },
      requestor: { reference: "Organization/1" },
      insurer: example.insurer,
      request: { reference: `Claim/${response.id}` },
      payment: { type: { coding: [{ code: "complete" }] }, amount: { value: amount, currency: "USD" } },
    });
    expect(response.disposition).toBe(`Approved in full: ${amount.toFixed(2)} USD for 1 item.`);
    expect(itemAmounts(response)).toEqual([[1, amount, amount, amount]]);
    expect(totals(response)).toEqual({ submitted: amount, eligible: amount, benefit: amount });
    expect(response.error).toBeUndefined();
    expect(res.headers.get("location")).toBe(`/api/v1/fhir/Claim/${response.id}`);
    expect(await remainingBenefitCents("1")).toBe(5_000_000 - Math.round(amount * 100));
  });

  it("shares a partial benefit across the items of a claim, in sequence order", async () => {
    await exampleReferenceData({ remaining: 1_200 });
    const response = await fhirBody(await postFhirClaim(EXAMPLES.oralMultiItem, hospital.token), 201, "ClaimResponse");
    expect(response.outcome).toBe("partial");
    expect(itemAmounts(response)).toEqual([
      [1, 135.57, 135.57, 135.57],
      [2, 105, 105, 105],
      [3, 1100, 1100, 959.43],
    ]);
    expect(itemAdjudication(response, 3, "benefit").reason?.coding?.[0]).toMatchObject({
      code: "BENEFIT_CAP_APPLIED",
      display: "Approved 959.43 of 1100.00: capped at the remaining benefit",
    });
    expect(totals(response)).toEqual({ submitted: 1340.57, eligible: 1340.57, benefit: 1200 });
    expect(response.payment?.amount.value).toBe(1200);
    expect(response.disposition).toBe(
      "Partially approved: 1200.00 USD of 1340.57 USD. Approved 1200.00 of 1340.57: capped at the remaining benefit.",
    );
    expect(await remainingBenefitCents("1")).toBe(0);
  });

  it("shares the benefit across a hundred items: the first ones in full, one in part, the rest nothing", async () => {
    await exampleReferenceData({ remaining: 5_000 });
    const claim = exampleCopy("oral");
    claim.item = Array.from({ length: 100 }, (_, i) => ({
      sequence: i + 1,
      productOrService: { coding: [{ code: "1200" }] },
      servicedDate: "2014-08-16",
      net: { value: 100 + i / 100, currency: "USD" },
    }));
    const response = await fhirBody(await postFhirClaim(claim, hospital.token), 201, "ClaimResponse");
    const benefits = itemAmounts(response).map((amounts) => amounts[3]);
    // 49 items of 100.00-100.48 sum to 4911.76; the 50th (100.49) gets the remaining 88.24.
    expect(benefits.slice(0, 49)).toEqual(Array.from({ length: 49 }, (_, i) => 100 + i / 100));
    expect(benefits[49]).toBe(88.24);
    expect(benefits.slice(50).every((b) => b === 0)).toBe(true);
    expect(totals(response).benefit).toBe(5000);
    expect(await remainingBenefitCents("1")).toBe(0);
  });

  it("answers an unknown member with a claim-level error and moves no money", async () => {
    const response = await fhirBody(await postFhirClaim(EXAMPLES.oralByIdentifier, admin.token), 201, "ClaimResponse");
    expect(response.outcome).toBe("error");
    expect(response.error).toEqual([
      {
        code: {
          coding: [{ system: expect.any(String), code: "MEMBER_NOT_FOUND", display: "Member 123AB345 not found" }],
          text: "Member 123AB345 not found",
        },
      },
    ]);
    expect(response.patient).toEqual(EXAMPLES.oralByIdentifier.patient);
    expect(response.payment).toBeUndefined();
    expect(itemAmounts(response)).toEqual([[1, 135.57, 0, 0]]);
    expect(response.disposition).toBe("Rejected: Member 123AB345 not found.");
  });

  it("answers an unknown procedure with an item-level error", async () => {
    const response = await fhirBody(await postFhirClaim(EXAMPLES.pharmacyRxNorm, hospital.token), 201, "ClaimResponse");
    expect(response.outcome).toBe("error");
    expect(response.error).toEqual([
      { itemSequence: 1, code: expect.objectContaining({ text: "Unknown procedure code 562721" }) },
    ]);
    expect(reasonCodes(response.error)).toEqual(["PROCEDURE_UNKNOWN"]);
    expect(itemAmounts(response)).toEqual([[1, 90, 0, 0]]);
    expect(await remainingBenefitCents("1")).toBe(5_000_000);
  });

  it("denies the one item of several that is a cost anomaly and pays the others", async () => {
    await exampleReferenceData({ remaining: 50_000, averageCost: { "27211": 400 } });
    const response = await fhirBody(await postFhirClaim(EXAMPLES.oralMultiItem, hospital.token), 201, "ClaimResponse");
    expect(response.outcome).toBe("partial");
    expect(itemAmounts(response)).toEqual([
      [1, 135.57, 135.57, 135.57],
      [2, 105, 105, 105],
      [3, 1100, 0, 0],
    ]);
    expect(itemAdjudication(response, 3, "eligible").reason?.coding?.[0]).toMatchObject({
      code: "COST_ANOMALY",
      display: "Claim amount (1100.00) exceeds 2.0x average procedure cost (400.00)",
    });
    expect(response.error).toBeUndefined();
    expect(response.processNote).toEqual([
      {
        number: 1,
        type: "display",
        text: "Item 3: Claim amount (1100.00) exceeds 2.0x average procedure cost (400.00)",
      },
    ]);
    expect(response.item[2]?.noteNumber).toEqual([1]);
    expect(totals(response)).toEqual({ submitted: 1340.57, eligible: 240.57, benefit: 240.57 });

    const stored = await claimDetail(response.id, hospital.token);
    expect(stored).toMatchObject({
      status: "PARTIAL",
      fraud_flag: true,
      fraud_reason: "Item 3: Claim amount (1100.00) exceeds 2.0x average procedure cost (400.00)",
    });
    expect(stored.reasons).toEqual([
      {
        code: "COST_ANOMALY",
        message: "Claim amount (1100.00) exceeds 2.0x average procedure cost (400.00)",
        item_sequence: 3,
      },
    ]);
  });

  it("maps a contained Patient and the member number on a contained Coverage, and ICD-10 diagnoses linked per item", async () => {
    await env.DB.prepare(
      "INSERT OR REPLACE INTO providers (provider_id, name, status, updated_at) VALUES ('3456', 'Oral health office', 'ACTIVE', ?)",
    )
      .bind(new Date().toISOString())
      .run();
    const contained = await fhirBody(await postFhirClaim(EXAMPLES.oralContained, admin.token), 201, "ClaimResponse");
    expect(contained).toMatchObject({
      outcome: "complete",
      patient: { identifier: { value: "12345" } },
      requestor: { identifier: { value: "3456" } },
    });

    const icd10 = await fhirBody(await postFhirClaim(EXAMPLES.institutionalIcd10, admin.token), 201, "ClaimResponse");
    expect(icd10).toMatchObject({ outcome: "complete", patient: { identifier: { value: "10138556" } } });
    const claim = await claimDetail(icd10.id, admin.token);
    expect(claim).toMatchObject({
      member_id: "10138556",
      provider_id: "1",
      diagnosis_code: "M961",
      procedure_code: "62264",
      claim_amount: 12500,
    });
    expect(claim.lines?.[0]?.diagnosis_codes).toEqual(["G894", "M47816"]);
  });
});

describe("the FHIR claim is the same claim everywhere", () => {
  it("is one health claim in GET /claims with its lines and audit trail, read back as Claim and ClaimResponse", async () => {
    const posted = await fhirBody(await postFhirClaim(EXAMPLES.oralMultiItem, hospital.token), 201, "ClaimResponse");
    const id = posted.id;

    const list = await readAs(
      await api("/api/v1/claims?channel=health&member_id=1", { token: hospital.token }),
      listClaimsRoute,
      200,
    );
    expect(list.total).toBe(1);
    const listed = healthClaimDetail.omit({ audit_trail: true }).parse(list.claims[0]);
    expect(listed).toMatchObject({
      claim_id: id,
      channel: "health",
      status: "APPROVED",
      member_id: "1",
      provider_id: "1",
      diagnosis_code: "123456",
      procedure_code: "1200",
      service_date: "2014-08-16",
      claim_amount: 1340.57,
      approved_amount: 1340.57,
      notes: "HL7 FHIR oral claim, identifier http://happyvalley.com/claim|12346",
    });
    expect(
      listed.lines?.map((l) => [l.sequence, l.procedure_code, l.claim_amount, l.approved_amount, l.status]),
    ).toEqual([
      [1, "1200", 135.57, 135.57, "APPROVED"],
      [2, "21211", 105, 105, "APPROVED"],
      [3, "27211", 1100, 1100, "APPROVED"],
    ]);

    const detail = await claimDetail(id, hospital.token);
    expect(detail.audit_trail).toHaveLength(1);
    expect(detail.audit_trail[0]).toMatchObject({
      action: "claim.adjudicated",
      actor_id: hospital.id,
      after: { status: "APPROVED", approved_amount_cents: 134057 },
    });
    expect(detail.audit_trail[0]?.after).toMatchObject({ lines: [{ sequence: 1 }, { sequence: 2 }, { sequence: 3 }] });

    const claim = await fhirBody(await api(`/api/v1/fhir/Claim/${id}`, { token: hospital.token }), 200, "Claim");
    const { id: _, meta, ...asSent } = claim;
    const { id: __, ...published } = EXAMPLES.oralMultiItem as Record<string, unknown>;
    expect(asSent).toEqual(published);
    expect(claim.id).toBe(id);
    expect(meta).toMatchObject({ versionId: "1" });

    const readBack = await fhirBody(
      await api(`/api/v1/fhir/ClaimResponse/${id}`, { token: hospital.token }),
      200,
      "ClaimResponse",
    );
    expect(readBack).toEqual(posted);
  });

  it("deletes the stored resource with its claim", async () => {
    const posted = await fhirBody(await postFhirClaim(EXAMPLES.professional, hospital.token), 201, "ClaimResponse");
    expect((await api(`/api/v1/claims/${posted.id}`, { method: "DELETE", token: admin.token })).status).toBeLessThan(
      300,
    );
    const left = await env.DB.prepare("SELECT count(*) AS n FROM fhir_claims WHERE claim_id = ?")
      .bind(posted.id)
      .first<{ n: number }>();
    expect(left!.n).toBe(0);
    expect((await api(`/api/v1/fhir/ClaimResponse/${posted.id}`, { token: admin.token })).status).toBe(404);
  });

  it("accepts plain application/json and the Idempotency-Key, deducting once", async () => {
    const send = () =>
      api("/api/v1/fhir/Claim", {
        method: "POST",
        token: hospital.token,
        body: EXAMPLES.institutional,
        headers: { "idempotency-key": "fhir-institutional-1" },
      });
    const first = await fhirBody(await send(), 201, "ClaimResponse");
    const replay = await send();
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await fhirBody(replay, 201, "ClaimResponse")).toEqual(first);
    expect(await remainingBenefitCents("1")).toBe(5_000_000 - 12_500);
  });

  it("rejects the same claim sent again as a likely duplicate, naming the original", async () => {
    const first = await fhirBody(await postFhirClaim(EXAMPLES.professional, hospital.token), 201, "ClaimResponse");
    const second = await fhirBody(await postFhirClaim(EXAMPLES.professional, hospital.token), 201, "ClaimResponse");
    expect(second.outcome).toBe("error");
    const eligible = itemAdjudication(second, 1, "eligible");
    expect(eligible.reason?.coding?.[0]).toMatchObject({ code: "DUPLICATE_CLAIM" });
    expect(eligible.reason?.text).toContain(first.id);
    expect(await remainingBenefitCents("1")).toBe(5_000_000 - 7_500);
  });

  it("finds duplicates across channels: a JSON claim repeating a FHIR item, and back", async () => {
    const fhir = await fhirBody(await postFhirClaim(EXAMPLES.professional, hospital.token), 201, "ClaimResponse");
    const jsonClaim = {
      member_id: "1",
      provider_id: "1",
      diagnosis_code: "654456",
      procedure_code: "exam",
      claim_amount: 75,
      service_date: "2014-08-16",
    };
    const repeated = await readAs(
      await api("/api/v1/claims", { method: "POST", token: hospital.token, body: jsonClaim }),
      postHealthClaimRoute,
      201,
    );
    expect(repeated).toMatchObject({ status: "REJECTED", reason_codes: ["DUPLICATE_CLAIM"], fraud_flag: true });
    expect(repeated.fraud_reason).toContain(fhir.id);

    const original = await readAs(
      await api("/api/v1/claims", {
        method: "POST",
        token: hospital.token,
        body: { ...jsonClaim, procedure_code: "1200", claim_amount: 135.57 },
      }),
      postHealthClaimRoute,
      201,
    );
    expect(original.status).toBe("APPROVED");
    const again = await fhirBody(await postFhirClaim(EXAMPLES.oral, hospital.token), 201, "ClaimResponse");
    expect(again.outcome).toBe("error");
    expect(itemAdjudication(again, 1, "eligible").reason?.text).toContain(original.claim_id);
  });
});
