import { describe, expect, it } from "vitest";
import { assessSettlement, type SettlementAssessmentRequest } from "../../src/domain/settlement/settlement-assessment";

const request = (changes: Partial<SettlementAssessmentRequest> = {}): SettlementAssessmentRequest => ({
  settlementId: "settlement-1",
  claimId: "claim-1",
  customerId: "customer-1",
  vehicle: { make: "Toyota", vehicleType: "Sedan", modelYear: 2021, mileage: 60_000 },
  lossDate: "2026-01-01",
  severity: { minor: 0.05, moderate: 0.85, severe: 0.1 },
  deductibleCents: 50_000,
  ...changes,
});

describe("assessSettlement", () => {
  it("values the car, estimates the repair and settles it in one step", () => {
    const result = assessSettlement(request());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { valuation, estimate, settlement } = result.value;
    expect(settlement.actualCashValueCents).toBe(valuation.actualCashValueCents);
    expect(settlement.repairEstimateCents).toBe(estimate.repairEstimateCents);
    expect(settlement.repairEstimateCents).toBe(Math.round(0.05 * 109_600 + 0.85 * 431_200 + 0.1 * 1_212_000));
    expect(settlement.totalLoss).toBe(false);
    expect(settlement.payoutCents).toBe(settlement.repairEstimateCents - 50_000);
    expect(settlement.rentalDays).toBe(estimate.repairDays);
    expect(settlement.reviewRecommended).toBe(false);
  });

  it.each<[string, Partial<SettlementAssessmentRequest>, boolean]>([
    [
      "a new car with severe damage is repaired",
      {
        vehicle: { make: "Toyota", vehicleType: "Sedan", modelYear: 2026, mileage: 900 },
        severity: { minor: 0, moderate: 0.05, severe: 0.95 },
      },
      false,
    ],
    [
      "a fifteen-year-old car with moderate damage is a total loss",
      { vehicle: { make: "Toyota", vehicleType: "Sedan", modelYear: 2011, mileage: 190_000 } },
      true,
    ],
    [
      "a five-year-old car with severe damage is a total loss",
      { severity: { minor: 0, moderate: 0.05, severe: 0.95 } },
      true,
    ],
    [
      "a two-year-old luxury coupe with severe damage is repaired",
      {
        vehicle: { make: "Porsche", vehicleType: "Coupe", modelYear: 2024, mileage: 20_000 },
        severity: { minor: 0, moderate: 0.05, severe: 0.95 },
      },
      false,
    ],
  ])("%s", (_, changes, totalLoss) => {
    const result = assessSettlement(request(changes));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.settlement.totalLoss).toBe(totalLoss);
  });

  it("asks for review when the make is unknown or the damage call is unsure", () => {
    const unknownMake = assessSettlement(
      request({ vehicle: { make: "Zastava", vehicleType: "Sedan", modelYear: 2021 } }),
    );
    const unsure = assessSettlement(request({ severity: { minor: 0.4, moderate: 0.35, severe: 0.25 } }));
    expect(unknownMake.ok && unknownMake.value.settlement.reviewRecommended).toBe(true);
    expect(unsure.ok && unsure.value.settlement.reviewRecommended).toBe(true);
  });

  it("reports every problem of the request at once", () => {
    const result = assessSettlement(
      request({
        vehicle: { make: "", vehicleType: "Sedan", modelYear: 2040 },
        severity: { minor: 2, moderate: 0, severe: 0 },
        deductibleCents: -5,
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => p.path)).toEqual([
        "vehicle.make",
        "vehicle.modelYear",
        "severity.minor",
        "deductibleCents",
      ]);
  });
});
