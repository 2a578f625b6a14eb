import type { z } from "@hono/zod-openapi";
import { decidedByForCustomer, stageForCustomer } from "../domain/fnol/customer-claim-view";
import { moneyJson } from "../domain/money";
import type { SettlementDecision } from "../domain/settlement";
import type { fnolClaimViewSchema, settlementViewSchema } from "../routes/fnol/claims/schema";
import type { ClaimRow, FnolClaimRow, RentalBookingRow, SettlementRow } from "./claim-records";

type SettlementView = z.infer<typeof settlementViewSchema>;

/** Who may read what of a first notice of loss: staff everything, the customer its claim without fraud or staff facts. */
export interface FnolViewer {
  staff: boolean;
  /** The adjusters named in the settlement versions (staff views only). */
  adjusters?: ReadonlyMap<string, { email: string; name: string }>;
}

const STAFF: FnolViewer = { staff: true };

export function toSettlementView(row: SettlementRow, viewer: FnolViewer = STAFF): SettlementView {
  const decision = (row.settlement as { decision?: SettlementDecision }).decision;
  const byAdjuster = decision?.by === "adjuster" || row.decidedBy !== "assessment";
  const adjuster = viewer.adjusters?.get(row.decidedBy);
  return {
    settlement_id: row.id,
    version: row.version,
    total_loss: row.totalLoss,
    repair_estimate: moneyJson(row.repairEstimateCents),
    actual_cash_value: moneyJson(row.actualCashValueCents),
    deductible: moneyJson(row.deductibleCents),
    payout: moneyJson(row.payoutCents),
    out_of_pocket: moneyJson(row.outOfPocketCents),
    rental_days: row.rentalDays,
    review_recommended: row.reviewRecommended,
    decided_by: viewer.staff ? row.decidedBy : decidedByForCustomer(row.decidedBy),
    decision: {
      by: byAdjuster ? "adjuster" : "assessment",
      adjuster:
        viewer.staff && byAdjuster
          ? { id: row.decidedBy, email: adjuster?.email ?? null, name: adjuster?.name ?? null }
          : null,
      reason: viewer.staff && decision?.by === "adjuster" ? decision.reason : null,
      decided_at: decision?.by === "adjuster" ? decision.decidedAt : row.createdAt,
    },
    message: String((row.settlement as { settlementMessage?: string }).settlementMessage ?? ""),
    created_at: row.createdAt,
  };
}

interface StoredAssessment {
  damage: { Name: string; Confidence: number };
  colour: { label: string; confidence: number };
  severity: { label: string; probabilities: Record<string, number> };
}

/**
 * A first notice of loss in full: where it stands, what the photo showed, every settlement version
 * (oldest first) and the rental car, as `viewer` may read it.
 */
export function toFnolClaimView(
  claim: ClaimRow,
  fnol: FnolClaimRow,
  settlements: readonly SettlementRow[],
  rental: RentalBookingRow | undefined,
  viewer: FnolViewer,
): z.infer<typeof fnolClaimViewSchema> {
  const assessed = fnol.damageAssessment as unknown as StoredAssessment | null;
  const stage = viewer.staff
    ? { stage: fnol.stage, reason: fnol.stageReason }
    : stageForCustomer(fnol.stage, fnol.stageReason);
  const versions = settlements.map((row) => toSettlementView(row, viewer));
  return {
    claim_id: claim.id,
    channel: "fnol",
    customer_id: fnol.customerId,
    policy_id: fnol.policyId,
    status: claim.status,
    version: claim.version,
    stage: stage.stage,
    stage_reason: stage.reason,
    occurrence_at: fnol.occurrenceAt,
    photo_attempts: fnol.photoAttempts,
    damage_document_id: fnol.damageDocumentId,
    damage_assessment: assessed
      ? {
          damage: assessed.damage,
          color: assessed.colour.label,
          color_confidence: assessed.colour.confidence,
          severity: assessed.severity.label,
          ...(viewer.staff ? { severity_probabilities: assessed.severity.probabilities } : {}),
        }
      : null,
    ...(viewer.staff ? { fraud_flag: claim.fraudFlag, fraud_reason: claim.fraudReason } : {}),
    settlement: versions.at(-1) ?? null,
    settlement_versions: versions,
    rental: rental
      ? {
          booked: rental.booked,
          vendor_id: rental.vendorId,
          vendor: rental.vendorName,
          daily_rate: rental.dailyRateCents == null ? null : moneyJson(rental.dailyRateCents),
          days: rental.days,
          total_cost: rental.totalCents == null ? null : moneyJson(rental.totalCents),
          reason: rental.reason,
        }
      : null,
    submission: fnol.submission,
    created_at: claim.createdAt,
    updated_at: claim.updatedAt,
  };
}
