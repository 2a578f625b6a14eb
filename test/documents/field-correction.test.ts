import { describe, expect, it } from "vitest";
import { applyFieldCorrection, checkFieldValue } from "../../src/domain/documents/field-correction";

const TODAY = "2026-11-28";

describe("checkFieldValue", () => {
  it.each([
    ["incident_severity", "major damage", "Major Damage"],
    ["collision_type", "REAR COLLISION", "Rear Collision"],
    ["authorities_contacted", "police", "Police"],
    ["police_report_available", "yes", "YES"],
    ["amount_claimed", 4250.5, 4250.5],
    ["amount_claimed", "4250.50", 4250.5],
    ["incident_date", "2025-03-14", "2025-03-14"],
    ["incident_state", "oh", "OH"],
    ["incident_state", "Ohio", "OH"],
    ["policy_number", " pol-2025-521585 ", "POL-2025-521585"],
    ["witnesses", "2", 2],
    ["incident_hour_of_the_day", 23, 23],
    ["claimant_name", "  Maria   Garcia-Lopez ", "Maria Garcia-Lopez"],
  ] as const)("%s %j → %j", (field, value, expected) => {
    expect(checkFieldValue(field, value, TODAY)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["incident_severity", "Scratched"],
    ["amount_claimed", -1],
    ["amount_claimed", 10.001],
    ["amount_claimed", "ten"],
    ["incident_date", "14/03/2025"],
    ["incident_date", "2025-02-30"],
    ["incident_date", "2027-01-01"],
    ["incident_state", "Atlantis"],
    ["policy_number", "P#1"],
    ["witnesses", 2.5],
    ["bodily_injuries", 51],
    ["incident_hour_of_the_day", 24],
    ["claimant_name", "   "],
    ["description", "line\u0000break"],
  ] as const)("refuses %s %j", (field, value) => {
    expect(checkFieldValue(field, value, TODAY).ok).toBe(false);
  });
});

describe("applyFieldCorrection", () => {
  const stored = {
    incident_severity: "Minor Damage",
    amount_claimed: 4250,
    confidence: { incident_severity: 0.62, amount_claimed: 0.97 },
  };

  it("sets the value with full confidence and keeps what the reader first found", () => {
    const first = applyFieldCorrection(stored, "incident_severity", "Major Damage", "ann", "2026-11-28T10:00:00Z");
    expect(first.extracted).toMatchObject({
      incident_severity: "Major Damage",
      confidence: { incident_severity: 1, amount_claimed: 0.97 },
      corrections: {
        incident_severity: {
          original_value: "Minor Damage",
          original_confidence: 0.62,
          corrected_by: "ann",
          corrected_at: "2026-11-28T10:00:00Z",
        },
      },
    });
    expect(first.before).toEqual({ value: "Minor Damage", confidence: 0.62 });
    const second = applyFieldCorrection(
      first.extracted,
      "incident_severity",
      "Total Loss",
      "bob",
      "2026-11-28T11:00:00Z",
    );
    expect(second.extracted.incident_severity).toBe("Total Loss");
    expect(second.extracted.corrections).toMatchObject({
      incident_severity: { original_value: "Minor Damage", original_confidence: 0.62, corrected_by: "bob" },
    });
    expect(stored.incident_severity).toBe("Minor Damage");
  });

  it("clears a field the document does not state, and adds one the reader missed", () => {
    const cleared = applyFieldCorrection(stored, "amount_claimed", null, "ann", "t");
    expect(cleared.extracted).not.toHaveProperty("amount_claimed");
    expect(cleared.extracted.confidence).toEqual({ incident_severity: 0.62 });
    const added = applyFieldCorrection(null, "witnesses", 2, "ann", "t");
    expect(added.extracted).toMatchObject({ witnesses: 2, confidence: { witnesses: 1 } });
    expect(added.before).toEqual({ value: null, confidence: null });
  });
});
