import { describe, expect, it } from "vitest";
import { finalizeSettlement } from "../../src/domain/settlement/settlement";
import { settlementFinalizedDetail } from "../../src/domain/settlement/settlement-event";
import { reviseSettlement } from "../../src/domain/settlement/settlement-override";

describe("settlementFinalizedDetail", () => {
  const result = finalizeSettlement({
    settlementId: "377d788b-9922-402a-a56c-c8460e34e36d",
    claimId: "claim-9",
    customerId: "customer-3",
    repairEstimateCents: 1_212_000,
    repairDays: 18,
    actualCashValueCents: 1_224_891,
    deductibleCents: 100_000,
  });
  if (!result.ok) throw new Error("expected a settlement");

  it("carries the ids, the amounts in dollars, total_loss and the message", () => {
    expect(settlementFinalizedDetail(result.value)).toEqual({
      settlementId: "377d788b-9922-402a-a56c-c8460e34e36d",
      claimId: "claim-9",
      customerId: "customer-3",
      version: 1,
      total_loss: true,
      repair_estimate: 12_120,
      actual_cash_value: 12_248.91,
      deductible: 1_000,
      payout: 11_248.91,
      out_of_pocket: 1_000,
      currency: "USD",
      rental_days: 7,
      review_recommended: false,
      overridden: false,
      settlementMessage: result.value.settlementMessage,
    });
  });

  it("marks an adjuster's version as overridden", () => {
    const revised = reviseSettlement(
      result.value,
      { adjusterId: "a-1", reason: "appraisal", actualCashValueCents: 1_500_000 },
      { settlementId: "s-2", decidedAt: "2026-03-15" },
    );
    if (!revised.ok) throw new Error(JSON.stringify(revised.problems));
    const detail = settlementFinalizedDetail(revised.value.settlement);
    expect(detail).toMatchObject({ version: 2, overridden: true, actual_cash_value: 15_000, settlementId: "s-2" });
  });
});
