// Fields below the review threshold, or missing, are listed for an adjuster and never reach
// the fraud and reserve models as facts.
import { describe, expect, it } from "vitest";
import { extractClaimFields } from "../../src/domain/documents";
import { fraudInputFromDocument, storedReviewList } from "../../src/domain/documents/fraud-input";
import type { ExtractedField } from "../../src/domain/documents/result";
import { needsReview, REVIEW_THRESHOLD } from "../../src/domain/documents/review";

const field = (value: ExtractedField["value"], confidence: number): ExtractedField => ({
  value,
  confidence,
  method: "label",
  evidence: String(value),
});

const complete = {
  claimant_name: field("Maria Garcia-Lopez", 0.9),
  policy_number: field("POL-2025-521585", 0.95),
  incident_date: field("2025-03-14", 0.85),
  amount_claimed: field(4250, 0.88),
};

describe("needs_review", () => {
  const cases: Array<[string, Record<string, ExtractedField>, string[]]> = [
    ["every core fact read with confidence", complete, []],
    [
      "an amount read doubtfully",
      { ...complete, amount_claimed: field(99, REVIEW_THRESHOLD - 0.01) },
      ["amount_claimed"],
    ],
    ["exactly at the threshold is trusted", { ...complete, incident_date: field("2025-03-14", REVIEW_THRESHOLD) }, []],
    [
      "a missing policy number and a doubtful name",
      { ...complete, policy_number: undefined!, claimant_name: field("Ma ria", 0.3) },
      ["claimant_name", "policy_number"],
    ],
    ["a doubtful fact that is not a core one is not listed", { ...complete, incident_city: field("Tampa", 0.2) }, []],
  ];
  for (const [name, fields, want] of cases)
    it(name, () => {
      const present = Object.fromEntries(Object.entries(fields).filter(([, f]) => f !== undefined));
      expect(needsReview("claim", present)).toEqual(want);
    });

  it("a CMS-1500 is reviewed on its own core fields", () => {
    expect(needsReview("cms1500", { patient_name: field("Jane Roe", 0.9) })).toEqual(["insured_id", "total_charge"]);
  });
});

describe("the models' input leaves uncertain facts out", () => {
  const extracted = { amount_claimed: 99, incident_type: "Parked Car", incident_severity: "Minor Damage" };
  it("a fact under review is missing for the models, the rest are given", () => {
    const facts = fraudInputFromDocument(extracted, { policy_state: "OH" }, ["amount_claimed", "incident_type"]);
    expect(facts).not.toHaveProperty("total_claim_amount");
    expect(facts).not.toHaveProperty("incident_type");
    expect(facts).toMatchObject({ incident_severity: "Minor Damage", policy_state: "OH" });
  });
  it("with nothing under review every fact is given", () => {
    expect(fraudInputFromDocument(extracted, null)).toMatchObject({
      total_claim_amount: 99,
      incident_type: "Parked Car",
    });
  });
  it("a stored claim's review list survives odd stored shapes", () => {
    expect(storedReviewList({ needs_review: ["amount_claimed", 3, null] })).toEqual(["amount_claimed"]);
    expect(storedReviewList({ needs_review: "amount_claimed" })).toEqual([]);
    expect(storedReviewList(null)).toEqual([]);
  });
});

describe("a scanned form's caption whose value was not read", () => {
  const prose = "The collision happened on Elm Street and the car was towed on 03/20/2025.";
  const read = (text: string, source: "ocr" | "text-layer") =>
    extractClaimFields({ pages: [{ text, source, ocrConfidence: 0.95 }], today: "2025-06-01" });
  it.each([
    ["OCR, the caption present, its value unread", `Date of Loss         ~~ ~~\n\n${prose}`, "ocr", true],
    ["OCR, no such caption", prose, "ocr", false],
    ["a text layer keeps the sentence's trust", `Date of Loss         ~~ ~~\n\n${prose}`, "text-layer", false],
  ] as const)("%s: the date from a sentence goes to review = %s", (_, text, source, review) => {
    const result = read(text, source);
    expect(result.extracted_data.incident_date).toBe("2025-03-20");
    expect(result.needs_review?.includes("incident_date")).toBe(review);
  });

  it("a value read under the caption and again in a sentence is trusted", () => {
    const result = read(`Date of Loss: 03/20/2025\n\n${prose}`, "ocr");
    expect(result.extracted_data.incident_date).toBe("2025-03-20");
    expect(result.needs_review?.includes("incident_date")).toBe(false);
  });
});
