import { describe, expect, it } from "vitest";
import { finalizeSettlement, type Settlement, type SettlementRequest } from "../../src/domain/settlement/settlement";
import { isTotalLoss, settleAmounts } from "../../src/domain/settlement/settlement-amounts";

const CLAIM_ID = "b1192ba0-de7e-450f-ac13-991613c48041";

const request = (changes: Partial<SettlementRequest> = {}): SettlementRequest => ({
  settlementId: "377d788b-9922-402a-a56c-c8460e34e36d",
  claimId: CLAIM_ID,
  customerId: "67cac76c-40b1-4d63-a8b5-ad20f6e2e6b9",
  repairEstimateCents: 431_200,
  repairDays: 9,
  actualCashValueCents: 1_200_000,
  deductibleCents: 50_000,
  ...changes,
});

function settled(changes: Partial<SettlementRequest> = {}): Settlement {
  const result = finalizeSettlement(request(changes));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe("settleAmounts", () => {
  it.each<[string, number, number, number, boolean, number, number]>([
    // case, estimate, ACV, deductible → total loss, payout, out of pocket
    ["an ordinary repair", 431_200, 1_200_000, 50_000, false, 381_200, 50_000],
    ["a repair with no deductible", 431_200, 1_200_000, 0, false, 431_200, 0],
    ["a deductible bigger than the estimate", 30_000, 1_200_000, 50_000, false, 0, 30_000],
    ["a deductible equal to the estimate", 50_000, 1_200_000, 50_000, false, 0, 50_000],
    ["one cent below the total-loss line", 899_999, 1_200_000, 50_000, false, 849_999, 50_000],
    ["exactly 75% of the ACV: a total loss", 900_000, 1_200_000, 50_000, true, 1_150_000, 50_000],
    ["an estimate above the ACV", 2_500_000, 1_200_000, 100_000, true, 1_100_000, 100_000],
    ["a total loss with a deductible above the ACV", 500_000, 300_000, 400_000, true, 0, 300_000],
    ["odd cents stay exact", 123_457, 1_000_001, 25_001, false, 98_456, 25_001],
    ["a worthless car", 10_000, 0, 50_000, true, 0, 0],
  ])("%s", (_, estimate, acv, deductible, totalLoss, payout, outOfPocket) => {
    expect(
      settleAmounts({ repairEstimateCents: estimate, actualCashValueCents: acv, deductibleCents: deductible }, 7_500),
    ).toEqual({
      totalLoss,
      payoutCents: payout,
      outOfPocketCents: outOfPocket,
    });
  });

  it.each<[number, number, number, boolean]>([
    [750, 1_000, 7_500, true],
    [749, 1_000, 7_500, false],
    // 75% of an odd ACV is a fraction of a cent: reaching it needs the next whole cent.
    [751, 1_001, 7_500, true],
    [750, 1_001, 7_500, false],
    [700, 1_000, 7_000, true],
    [999, 1_000, 10_000, false],
  ])("estimate %i of ACV %i at %i bps is a total loss: %s", (estimate, acv, bps, expected) => {
    expect(isTotalLoss(estimate, acv, bps)).toBe(expected);
  });
});

describe("finalizeSettlement", () => {
  it("settles a repair with the established message and the real out-of-pocket amount", () => {
    expect(settled()).toEqual({
      settlementId: "377d788b-9922-402a-a56c-c8460e34e36d",
      claimId: CLAIM_ID,
      customerId: "67cac76c-40b1-4d63-a8b5-ad20f6e2e6b9",
      version: 1,
      repairEstimateCents: 431_200,
      actualCashValueCents: 1_200_000,
      deductibleCents: 50_000,
      totalLoss: false,
      payoutCents: 381_200,
      outOfPocketCents: 50_000,
      totalLossThresholdBps: 7_500,
      repairDays: 9,
      rentalDays: 9,
      reviewRecommended: false,
      settlementMessage: `Based on our analysis on the damage of your car per claim id ${CLAIM_ID}, your out-of-pocket expense will be $500.00.`,
      decision: { by: "assessment" },
    });
  });

  it("says so when the car is a total loss and rents a car until the claim is paid", () => {
    const settlement = settled({
      repairEstimateCents: 1_212_000,
      actualCashValueCents: 1_224_891,
      deductibleCents: 100_000,
    });
    expect(settlement.totalLoss).toBe(true);
    expect(settlement.payoutCents).toBe(1_124_891);
    expect(settlement.rentalDays).toBe(7);
    expect(settlement.settlementMessage).toBe(
      `Based on our analysis on the damage of your car per claim id ${CLAIM_ID}, your out-of-pocket expense will be $1,000.00. ` +
        "Your car is a total loss: we will pay its actual cash value of $12,248.91 less your deductible of $1,000.00, $11,248.91 in total.",
    );
  });

  it("tells a customer whose deductible exceeds the repair that they pay the whole repair", () => {
    const settlement = settled({ repairEstimateCents: 45_678, deductibleCents: 100_000 });
    expect(settlement.payoutCents).toBe(0);
    expect(settlement.settlementMessage).toContain("your out-of-pocket expense will be $456.78.");
  });

  it("applies the insurer's own threshold", () => {
    const atSeventy = finalizeSettlement(request({ repairEstimateCents: 840_000 }), {
      totalLossThresholdBps: 7_000,
      totalLossRentalDays: 10,
    });
    expect(atSeventy.ok && atSeventy.value.totalLoss).toBe(true);
    expect(atSeventy.ok && atSeventy.value.rentalDays).toBe(10);
    expect(settled({ repairEstimateCents: 840_000 }).totalLoss).toBe(false);
  });

  it.each<[string, Partial<SettlementRequest>, string]>([
    ["a negative estimate", { repairEstimateCents: -1 }, "repairEstimateCents"],
    ["a fractional cent", { actualCashValueCents: 100.5 }, "actualCashValueCents"],
    ["a deductible as text", { deductibleCents: "500" as unknown as number }, "deductibleCents"],
    ["an absurd amount", { actualCashValueCents: 1e15 }, "actualCashValueCents"],
    ["no claim id", { claimId: " " }, "claimId"],
    ["no customer id", { customerId: undefined as unknown as string }, "customerId"],
    ["fractional repair days", { repairDays: 2.5 }, "repairDays"],
  ])("refuses %s", (_, changes, path) => {
    const result = finalizeSettlement(request(changes));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual([path]);
  });

  it("refuses a threshold outside 0–100%", () => {
    const result = finalizeSettlement(request(), { totalLossThresholdBps: 12_000, totalLossRentalDays: 7 });
    expect(result.ok).toBe(false);
  });
});
