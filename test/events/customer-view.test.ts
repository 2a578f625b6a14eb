import { describe, expect, it } from "vitest";
import { domainEvent } from "../../src/domain/events/catalog";
import { customerNotice, eventForCustomer } from "../../src/domain/events/customer-view";

const TIME = "2026-11-28T10:00:00.000Z";
const ID = "7a8f1c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

describe("a customer's view of its events", () => {
  it.each([
    [
      "DOCUMENT",
      "DRIVERS_LICENSE",
      "First Name provided does not match with First Name in Driver's License",
      "driver's license",
    ],
    ["DOCUMENT", "DRIVERS_LICENSE", "Driver's License expired on 03/23/2025", "driver's license"],
    ["SIGNUP.CAR", "CAR", "Color of vehicle doesn't match the color on the policy.", "car photo"],
  ] as const)(
    "Fraud.Detected (%s on %s) keeps the document and says what to do, without the reasons",
    (fraudType, documentType, reason, name) => {
      const event = domainEvent(
        "Fraud.Detected",
        ID,
        { customerId: "c1", recordId: "r1", documentType, fraudType, fraudReason: reason, fraudReasons: [reason] },
        TIME,
      );
      const shown = eventForCustomer(event);
      expect(shown).toMatchObject({ id: ID, "detail-type": "Fraud.Detected", time: TIME });
      expect(shown.detail).toEqual({
        customerId: "c1",
        recordId: "r1",
        documentType,
        message: `We could not accept your ${name}. Please upload a clear photo of your current ${name} in the app.`,
      });
      expect(JSON.stringify(shown)).not.toContain(reason);
      expect(event.detail).toHaveProperty("fraudReason", reason);
    },
  );

  it("a claim held for fraud review tells the customer only that an adjuster will review it", () => {
    expect(customerNotice({ documentType: "CAR", claimId: "k1", fraudType: "CLAIMS" })).toMatch(
      /review by an adjuster/,
    );
  });

  it.each([
    ["Fraud.Not.Detected", { customerId: "c1", recordId: "r1", documentType: "CAR" }],
    ["Customer.Rejected", { customerId: "c1", reason: "The vehicle is already insured" }],
  ] as const)("%s is shown as it is", (type, detail) => {
    const event = domainEvent(type, ID, detail as never, TIME);
    expect(eventForCustomer(event)).toBe(event);
  });
});
