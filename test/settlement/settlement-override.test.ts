import { describe, expect, it } from "vitest";
import { finalizeSettlement, type Settlement } from "../../src/domain/settlement/settlement";
import { reviseSettlement, type SettlementOverride } from "../../src/domain/settlement/settlement-override";

const CLAIM_ID = "claim-42";

function firstVersion(): Settlement {
  const result = finalizeSettlement({
    settlementId: "settlement-v1",
    claimId: CLAIM_ID,
    customerId: "customer-7",
    repairEstimateCents: 431_200,
    repairDays: 9,
    reviewRecommended: true,
    actualCashValueCents: 1_200_000,
    deductibleCents: 50_000,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const NEXT = { settlementId: "settlement-v2", decidedAt: "2026-03-15T10:00:00Z" };
const by = (changes: Partial<SettlementOverride>): SettlementOverride => ({
  adjusterId: "adjuster-1",
  reason: "shop estimate received",
  ...changes,
});

function revised(changes: Partial<SettlementOverride>, current = firstVersion()) {
  const result = reviseSettlement(current, by(changes), NEXT);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe("reviseSettlement", () => {
  it("makes the next version from a corrected estimate, recomputing payout and message, and audits the change", () => {
    const { settlement, changes } = revised({ repairEstimateCents: 512_345, expectedVersion: 1 });
    expect(settlement).toMatchObject({
      settlementId: "settlement-v2",
      version: 2,
      repairEstimateCents: 512_345,
      payoutCents: 462_345,
      outOfPocketCents: 50_000,
      totalLoss: false,
      reviewRecommended: false,
      decision: {
        by: "adjuster",
        adjusterId: "adjuster-1",
        reason: "shop estimate received",
        decidedAt: "2026-03-15T10:00:00.000Z",
      },
    });
    expect(changes).toEqual({
      repairEstimateCents: { from: 431_200, to: 512_345 },
      payoutCents: { from: 381_200, to: 462_345 },
    });
  });

  it("turns a repair into a total loss when a corrected estimate crosses 75% of the ACV", () => {
    const { settlement, changes } = revised({ repairEstimateCents: 900_000 });
    expect(settlement.totalLoss).toBe(true);
    expect(settlement.payoutCents).toBe(1_150_000);
    expect(settlement.rentalDays).toBe(7);
    expect(settlement.settlementMessage).toContain("Your car is a total loss");
    expect(changes.totalLoss).toEqual({ from: false, to: true });
  });

  it("waives the deductible when the adjuster pays the whole repair", () => {
    const { settlement } = revised({ payoutCents: 431_200, reason: "other driver's insurer accepted liability" });
    expect(settlement.payoutCents).toBe(431_200);
    expect(settlement.outOfPocketCents).toBe(0);
    expect(settlement.settlementMessage).toContain("your out-of-pocket expense will be $0.00.");
  });

  it("keeps a repair the owner chose over a total loss, and the owner bears the repair beyond the payout", () => {
    const { settlement } = revised({ repairEstimateCents: 1_300_000, totalLoss: false, reason: "owner keeps the car" });
    expect(settlement.totalLoss).toBe(false);
    expect(settlement.payoutCents).toBe(1_150_000);
    expect(settlement.outOfPocketCents).toBe(150_000);
  });

  it("chains versions", () => {
    const second = revised({ deductibleCents: 100_000 }).settlement;
    const third = reviseSettlement(second, by({ deductibleCents: 25_000, expectedVersion: 2 }), {
      settlementId: "settlement-v3",
      decidedAt: "2026-03-16",
    });
    expect(third.ok && third.value.settlement.version).toBe(3);
    expect(third.ok && third.value.changes.deductibleCents).toEqual({ from: 100_000, to: 25_000 });
  });

  it.each<[string, Partial<SettlementOverride>, string, string]>([
    ["no reason", { reason: "  ", repairEstimateCents: 1 }, "reason", "REQUIRED"],
    ["no adjuster", { adjusterId: "", repairEstimateCents: 1 }, "adjusterId", "REQUIRED"],
    ["a negative amount", { deductibleCents: -100 }, "deductibleCents", "NEGATIVE_AMOUNT"],
    ["a fractional amount", { actualCashValueCents: 1.5 }, "actualCashValueCents", "NOT_CENTS"],
    ["a payout above the ACV", { payoutCents: 1_200_001, totalLoss: true }, "payoutCents", "PAYOUT_ABOVE_VALUE"],
    ["a repair payout above the estimate", { payoutCents: 431_201 }, "payoutCents", "PAYOUT_ABOVE_ESTIMATE"],
    ["a stale version", { expectedVersion: 3, repairEstimateCents: 1 }, "expectedVersion", "VERSION_CONFLICT"],
    ["a total loss that is not a boolean", { totalLoss: "yes" as unknown as boolean }, "totalLoss", "NOT_BOOLEAN"],
    ["nothing changed", { repairEstimateCents: 431_200 }, "override", "NO_CHANGE"],
  ])("refuses %s", (_, changes, path, code) => {
    const result = reviseSettlement(firstVersion(), by(changes), NEXT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => [p.path, p.code])).toEqual([[path, code]]);
  });

  it("never changes the version it revises", () => {
    const current = firstVersion();
    const before = structuredClone(current);
    revised({ repairEstimateCents: 1_000_000 }, current);
    expect(current).toEqual(before);
  });
});
