import { describe, expect, it } from "vitest";
import {
  AUTO_POLICY_ID,
  autoPolicyId,
  DEFAULT_AUTO_PRODUCT,
  isCovered,
  policyPeriod,
} from "../../src/domain/customers/auto-policy";
import { screenSignup } from "../../src/domain/customers/screening";

describe("the default motor product", () => {
  it("covers a year from signup with a $500 deductible and $40 a day of rental for 30 days", () => {
    expect(DEFAULT_AUTO_PRODUCT).toEqual({
      code: "AUTO-STANDARD",
      termMonths: 12,
      collisionDeductibleCents: 50_000,
      rentalDailyCapCents: 4_000,
      rentalMaxDays: 30,
    });
  });

  it.each([
    ["2026-11-28T08:30:00.000Z", "2027-11-28T08:30:00.000Z"],
    ["2028-02-29T12:00:00.000Z", "2029-03-01T12:00:00.000Z"],
    ["2026-12-31T23:59:59.999Z", "2027-12-31T23:59:59.999Z"],
  ])("runs from %s to %s", (start, end) => {
    expect(policyPeriod(new Date(start))).toEqual({ startsAt: start, endsAt: end });
  });

  it.each([
    ["2026-11-28T08:30:00.001Z", true],
    ["2027-06-01T00:00:00.000Z", true],
    ["2026-11-28T08:30:00.000Z", false],
    ["2027-11-28T08:30:00.000Z", false],
    ["2025-01-01T00:00:00.000Z", false],
  ])("covers %s: %s", (at, covered) => {
    expect(isCovered({ startsAt: "2026-11-28T08:30:00.000Z", endsAt: "2027-11-28T08:30:00.000Z" }, at)).toBe(covered);
  });
});

describe("policy ids", () => {
  it("read like an insurer's: product, year, two groups of Crockford base 32", () => {
    expect(autoPolicyId(new Date("2026-11-28T00:00:00Z"), new Uint8Array([0, 0, 0, 0, 0]))).toBe("AUT-2026-0000-0000");
    expect(autoPolicyId(new Date("2026-11-28T00:00:00Z"), new Uint8Array([255, 255, 255, 255, 255]))).toBe(
      "AUT-2026-ZZZZ-ZZZZ",
    );
    const ids = new Set(
      Array.from({ length: 2000 }, () => autoPolicyId(new Date(), crypto.getRandomValues(new Uint8Array(5)))),
    );
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(AUTO_POLICY_ID);
  });

  it("needs 40 random bits", () => {
    expect(() => autoPolicyId(new Date(), new Uint8Array(4))).toThrow(RangeError);
  });
});

describe("screenSignup", () => {
  it.each([
    [{ vinAlreadyInsured: false, ssnHeldByAnotherCustomer: false }, { accepted: true }],
    [
      { vinAlreadyInsured: true, ssnHeldByAnotherCustomer: false },
      { accepted: false, reason: "This vehicle (VIN) is already insured under another active policy." },
    ],
    [
      { vinAlreadyInsured: false, ssnHeldByAnotherCustomer: true },
      {
        accepted: false,
        reason: "A customer with this Social Security number already holds a policy; add the car to that account.",
      },
    ],
    [
      { vinAlreadyInsured: true, ssnHeldByAnotherCustomer: true },
      { accepted: false, reason: "This vehicle (VIN) is already insured under another active policy." },
    ],
  ])("%o → %o", (facts, decision) => {
    expect(screenSignup(facts)).toEqual(decision);
  });
});
