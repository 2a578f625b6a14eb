import { beforeAll, describe, expect, it } from "vitest";
import { api, createUser, expectError, type TestUser } from "../../helpers";
import { claimCount, freshMember, healthClaim, loadDemoData, remainingBenefitCents } from "./health-fixtures";

let hospital: TestUser;
let member: string;

beforeAll(async () => {
  await loadDemoData();
  hospital = await createUser("provider", { providerId: "H456" });
  member = await freshMember(50_000);
});

const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

describe("POST /api/v1/claims refuses bad input and writes nothing", () => {
  it.each([
    ["an unknown field", { is_vip: true }],
    ["a negative amount", { claim_amount: -5 }],
    ["a zero amount", { claim_amount: 0 }],
    ["a non-numeric amount", { claim_amount: "15000" }],
    ["an amount with three decimals", { claim_amount: 100.005 }],
    ["an absurd amount", { claim_amount: 1e12 }],
    ["a missing diagnosis code", { diagnosis_code: undefined }],
    ["a blank procedure code", { procedure_code: "  " }],
    ["a code with symbols", { procedure_code: "P0;1" }],
    ["a service date in the future", { service_date: tomorrow }],
    ["a malformed service date", { service_date: "23/02/2026" }],
    ["a service date in year 0", { service_date: "0000-01-01" }],
    ["notes that are not text", { notes: 42 }],
  ])("%s → 400 VALIDATION_ERROR", async (_, changes) => {
    const res = await api("/api/v1/claims", {
      method: "POST",
      token: hospital.token,
      body: healthClaim({ member_id: member, ...changes }),
    });
    await expectError(res, 400, "VALIDATION_ERROR");
    expect(await claimCount(member)).toBe(0);
    expect(await remainingBenefitCents(member)).toBe(5_000_000);
  });

  it("an oversized body → 413", async () => {
    const res = await api("/api/v1/claims", {
      method: "POST",
      token: hospital.token,
      body: healthClaim({ member_id: member, notes: "x".repeat(1_100_000) }),
    });
    await expectError(res, 413, "PAYLOAD_TOO_LARGE");
    expect(await claimCount(member)).toBe(0);
  });

  it("a body that is not JSON → 400, another media type → 415", async () => {
    await expectError(
      await api("/api/v1/claims", {
        method: "POST",
        token: hospital.token,
        body: "{",
        headers: { "content-type": "application/json" },
      }),
      400,
      "VALIDATION_ERROR",
    );
    await expectError(
      await api("/api/v1/claims", {
        method: "POST",
        token: hospital.token,
        body: "member_id=M123",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expect(await claimCount(member)).toBe(0);
  });
});
