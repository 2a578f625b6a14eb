import { describe, expect, it } from "vitest";
import { CLAIM_MESSAGES, checkClaim, normaliseLicenceNumber } from "../../src/domain/fnol/claim-checks";

const policy = {
  customerId: "c-1",
  status: "ACTIVE",
  startsAt: "2026-01-10T12:00:00.000Z",
  endsAt: "2027-01-10T12:00:00.000Z",
};
const base = {
  customerId: "c-1",
  policy,
  occurrenceAt: "2026-06-01T08:30:00Z",
  filedAt: "2026-06-02T10:00:00.000Z",
  driversLicenseNumber: "D123-4567",
  processedLicenceNumber: "D1234567",
};

describe("the checks a first notice of loss must pass", () => {
  it.each([
    ["a claim on the customer's active policy with its licence", {}, { accepted: true }],
    ["licence number typed with spaces and lower case", { driversLicenseNumber: " d123 4567 " }, { accepted: true }],
    ["a policy that does not exist", { policy: undefined }, "POLICY_NOT_FOUND"],
    ["another customer's policy", { policy: { ...policy, customerId: "c-2" } }, "POLICY_NOT_FOUND"],
    ["an incident after the filing", { occurrenceAt: "2026-06-03T00:00:00Z" }, "OCCURRENCE_IN_FUTURE"],
    ["an unparseable occurrence", { occurrenceAt: "yesterday" }, "OCCURRENCE_IN_FUTURE"],
    ["an incident before the cover started", { occurrenceAt: "2026-01-10T11:59:59Z" }, "POLICY_INACTIVE"],
    [
      "an incident at the very start instant (start < occurrence)",
      { occurrenceAt: policy.startsAt },
      "POLICY_INACTIVE",
    ],
    [
      "an incident after the cover ended",
      { occurrenceAt: "2027-01-11T00:00:00Z", filedAt: "2027-01-12T00:00:00Z" },
      "POLICY_INACTIVE",
    ],
    ["a declined policy", { policy: { ...policy, status: "DECLINED" } }, "POLICY_INACTIVE"],
    ["a cancelled policy", { policy: { ...policy, status: "CANCELLED" } }, "POLICY_INACTIVE"],
    ["another licence number", { driversLicenseNumber: "D7654321" }, "LICENCE_MISMATCH"],
    ["no processed licence", { processedLicenceNumber: undefined }, "LICENCE_MISMATCH"],
    ["a licence whose number was unreadable", { processedLicenceNumber: "" }, "LICENCE_MISMATCH"],
    ["a number that only shares a prefix", { driversLicenseNumber: "D123456" }, "LICENCE_MISMATCH"],
  ] as const)("%s", (_name, overrides, expected) => {
    const result = checkClaim({ ...base, ...overrides });
    if (typeof expected === "string") {
      expect(result).toEqual({ accepted: false, reason: expected, message: CLAIM_MESSAGES[expected] });
    } else {
      expect(result).toEqual(expected);
    }
  });

  it("uses the source system's wording for a licence mismatch", () => {
    expect(CLAIM_MESSAGES.LICENCE_MISMATCH).toBe("Personal information (Driver's License) does not match");
    expect(CLAIM_MESSAGES.accepted).toBe("Claim Information has been accepted");
  });

  it.each([
    ["A1234-56.78", "A12345678"],
    ["  s530 4608 0123 ", "S53046080123"],
    ["", ""],
  ])("normalises licence number %j to %j", (input, output) => {
    expect(normaliseLicenceNumber(input)).toBe(output);
  });
});
