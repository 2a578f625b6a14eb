import { parseCalendarDate } from "./calendar";
import {
  accepted,
  amountProblem,
  type Checked,
  daysProblem,
  type InputProblem,
  isObject,
  notAnObject,
  present,
  refused,
  textProblem,
} from "./input-problem";
import { MAX_ID_LENGTH, type Settlement } from "./settlement";
import { settleAmounts } from "./settlement-amounts";
import { settlementMessage } from "./settlement-message";
import { DEFAULT_SETTLEMENT_RULES, type SettlementRules } from "./settlement-rules";

/** An adjuster's correction: any of the facts, or the decision itself, always with a reason. */
export interface SettlementOverride {
  adjusterId: string;
  reason: string;
  /** The version the adjuster was looking at; a newer one means someone else changed it first. */
  expectedVersion?: number;
  repairEstimateCents?: number;
  actualCashValueCents?: number;
  deductibleCents?: number;
  repairDays?: number;
  /** Declare or withdraw a total loss against the threshold rule (e.g. the owner keeps the car). */
  totalLoss?: boolean;
  /** A negotiated payout instead of the computed one. */
  payoutCents?: number;
}

export const MAX_REASON_LENGTH = 2_000;

/** The fields an override can move, in the order the audit trail lists them. */
export const AUDITED_SETTLEMENT_FIELDS = [
  "repairEstimateCents",
  "actualCashValueCents",
  "deductibleCents",
  "totalLoss",
  "payoutCents",
  "outOfPocketCents",
  "repairDays",
  "rentalDays",
] as const;
export type AuditedSettlementField = (typeof AUDITED_SETTLEMENT_FIELDS)[number];

export interface SettlementRevision {
  settlement: Settlement;
  /** Before and after of every field that changed: the audit entry. */
  changes: Partial<Record<AuditedSettlementField, { from: number | boolean; to: number | boolean }>>;
}

/**
 * The next version of a settlement after an adjuster's override. Facts not given are kept; the total
 * loss and the payout are recomputed from the facts unless the adjuster decides them.
 */
export function reviseSettlement(
  current: Settlement,
  override: SettlementOverride,
  next: { settlementId: string; decidedAt: string },
  rules: SettlementRules = DEFAULT_SETTLEMENT_RULES,
): Checked<SettlementRevision> {
  if (!isObject(override)) return refused([notAnObject("override")]);
  if (override.expectedVersion !== undefined && override.expectedVersion !== current.version) {
    return refused([
      {
        path: "expectedVersion",
        code: "VERSION_CONFLICT",
        message: `the settlement is at version ${current.version}, not ${override.expectedVersion}`,
      },
    ]);
  }
  const problems = overrideProblems(override, next);
  if (problems.length > 0) return refused(problems);

  const facts = {
    repairEstimateCents: override.repairEstimateCents ?? current.repairEstimateCents,
    actualCashValueCents: override.actualCashValueCents ?? current.actualCashValueCents,
    deductibleCents: override.deductibleCents ?? current.deductibleCents,
  };
  const totalLoss = override.totalLoss ?? settleAmounts(facts, current.totalLossThresholdBps).totalLoss;
  const payoutProblem = payoutLimitProblem(override.payoutCents, totalLoss, facts);
  if (payoutProblem) return refused([payoutProblem]);

  const amounts = settleAmounts(facts, current.totalLossThresholdBps, { totalLoss, payoutCents: override.payoutCents });
  const repairDays = override.repairDays ?? current.repairDays;
  const settlement: Settlement = {
    ...current,
    ...facts,
    ...amounts,
    settlementId: next.settlementId,
    version: current.version + 1,
    repairDays,
    rentalDays: amounts.totalLoss ? rules.totalLossRentalDays : repairDays,
    reviewRecommended: false,
    settlementMessage: settlementMessage({ claimId: current.claimId, ...facts, ...amounts }),
    decision: {
      by: "adjuster",
      adjusterId: override.adjusterId,
      reason: override.reason.trim(),
      decidedAt: new Date(parseCalendarDate(next.decidedAt)!).toISOString(),
    },
  };
  const changes: SettlementRevision["changes"] = {};
  for (const field of AUDITED_SETTLEMENT_FIELDS) {
    if (settlement[field] !== current[field]) changes[field] = { from: current[field], to: settlement[field] };
  }
  if (Object.keys(changes).length === 0) {
    return refused([
      { path: "override", code: "NO_CHANGE", message: "the override leaves every figure of the settlement as it is" },
    ]);
  }
  return accepted({ settlement, changes });
}

function overrideProblems(
  override: SettlementOverride,
  next: { settlementId: string; decidedAt: string },
): InputProblem[] {
  const optionalAmount = (path: keyof SettlementOverride) =>
    override[path] === undefined ? undefined : amountProblem(path, override[path]);
  return present([
    textProblem("adjusterId", override.adjusterId, MAX_ID_LENGTH),
    textProblem("reason", override.reason, MAX_REASON_LENGTH),
    optionalAmount("repairEstimateCents"),
    optionalAmount("actualCashValueCents"),
    optionalAmount("deductibleCents"),
    optionalAmount("payoutCents"),
    override.repairDays === undefined ? undefined : daysProblem("repairDays", override.repairDays),
    override.totalLoss === undefined || typeof override.totalLoss === "boolean"
      ? undefined
      : { path: "totalLoss", code: "NOT_BOOLEAN", message: "totalLoss must be true or false" },
    textProblem("settlementId", next.settlementId, MAX_ID_LENGTH),
    parseCalendarDate(next.decidedAt) === undefined
      ? { path: "decidedAt", code: "INVALID_DATE", message: "decidedAt must be an ISO-8601 timestamp" }
      : undefined,
  ]);
}

/** A payout never exceeds the car's value, nor, for a repair, the repair bill. */
function payoutLimitProblem(
  payoutCents: number | undefined,
  totalLoss: boolean,
  facts: { repairEstimateCents: number; actualCashValueCents: number },
): InputProblem | undefined {
  if (payoutCents === undefined) return undefined;
  if (payoutCents > facts.actualCashValueCents) {
    return {
      path: "payoutCents",
      code: "PAYOUT_ABOVE_VALUE",
      message: "payoutCents must not exceed the actual cash value",
    };
  }
  if (!totalLoss && payoutCents > facts.repairEstimateCents) {
    return {
      path: "payoutCents",
      code: "PAYOUT_ABOVE_ESTIMATE",
      message: "payoutCents must not exceed the repair estimate of a repaired car",
    };
  }
  return undefined;
}
