import { describe, expect, it } from "vitest";
import {
  canOverride,
  DECISION_TEXT,
  decidePhotoClaim,
  interpretDamageProbabilities,
} from "../../src/domain/photo/decision";

describe("interpretDamageProbabilities: [p_no_damage, p_damage]", () => {
  it.each([
    [[0.06, 0.94], true, 0.94],
    [[0.94, 0.06], false, 0.94],
    [[0.5, 0.5], true, 0.5],
    [[0.38, 0.62], true, 0.62],
    [[0.73, 0.27], false, 0.73],
    [[0.3, 0.7], true, 0.7],
    [[2, 6], true, 0.75],
  ])("%j → damage=%s confidence=%s", (p, damageDetected, confidence) => {
    const r = interpretDamageProbabilities(p);
    expect(r.damageDetected).toBe(damageDetected);
    expect(r.confidence).toBeCloseTo(confidence, 12);
  });

  it.each([[[0.5]], [[0.2, 0.3, 0.5]], [[NaN, 0.5]], [[-0.1, 1.1]]])("refuses %j", (p) => {
    expect(() => interpretDamageProbabilities(p)).toThrow(RangeError);
  });
});

describe("decidePhotoClaim (status determination)", () => {
  it.each([
    // damage, confidence, status, reason, override allowed
    [true, 0.94, "APPROVED", undefined, false],
    [true, 0.7, "APPROVED", undefined, false],
    [true, 0.6999, "REJECTED", "low_confidence", true],
    [true, 0.62, "REJECTED", "low_confidence", true],
    [false, 0.55, "REJECTED", "low_confidence", true],
    [false, 0.7, "REJECTED", "no_damage", true],
    [false, 0.99, "REJECTED", "no_damage", true],
  ] as const)("damage=%s confidence=%s → %s %s", (damageDetected, confidence, status, reason, allowed) => {
    const d = decidePhotoClaim({ damageDetected, confidence });
    expect(d.status).toBe(status);
    expect(d.reason).toBe(reason);
    expect(d.userOverrideAllowed).toBe(allowed);
  });

  it("uses the seed's wording", () => {
    expect(decidePhotoClaim({ damageDetected: true, confidence: 0.94 })).toMatchObject({
      message: "Damage detected. Claim approved for processing.",
      nextSteps: "Your claim will be reviewed by an adjuster within 2 business days.",
    });
    expect(decidePhotoClaim({ damageDetected: true, confidence: 0.62 })).toMatchObject({
      message: "Claim rejected. See reason and next_steps for details.",
      nextSteps: "If you believe damage is visible, you can override this decision or upload a different photo.",
    });
    expect(decidePhotoClaim({ damageDetected: false, confidence: 0.9 }).nextSteps).toBe(
      DECISION_TEXT.no_damage.nextSteps,
    );
  });

  it("from probabilities end to end", () => {
    expect(decidePhotoClaim(interpretDamageProbabilities([0.27, 0.73])).status).toBe("APPROVED");
    expect(decidePhotoClaim(interpretDamageProbabilities([0.73, 0.27])).reason).toBe("no_damage");
    expect(decidePhotoClaim(interpretDamageProbabilities([0.35, 0.65])).reason).toBe("low_confidence");
    expect(decidePhotoClaim(interpretDamageProbabilities([0.65, 0.35])).reason).toBe("low_confidence");
  });
});

describe("canOverride (override table)", () => {
  it.each([
    [{ effectiveStatus: "REJECTED" }, { allowed: true }],
    [{ effectiveStatus: "rejected" }, { allowed: true }],
    [{ effectiveStatus: "REJECTED", qualityScore: 0.41 }, { allowed: true }],
    [{ effectiveStatus: "APPROVED" }, { allowed: false, reason: "already_approved" }],
    [
      { effectiveStatus: "REJECTED", qualityScore: 0.39 },
      { allowed: false, reason: "quality_too_low" },
    ],
    [{ effectiveStatus: "PENDING" }, { allowed: false, reason: "not_rejected" }],
  ])("%j → %j", (claim, verdict) => {
    expect(canOverride(claim)).toEqual(verdict);
  });

  it("an overridden claim (effective APPROVED, system REJECTED) cannot be overridden again", () => {
    expect(canOverride({ effectiveStatus: "APPROVED" }).allowed).toBe(false);
  });
});
