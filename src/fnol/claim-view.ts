import type { z } from "@hono/zod-openapi";
import { moneyJson } from "../domain/money";
import type { fnolClaimViewSchema, settlementViewSchema } from "../routes/fnol/claims/schema";
import type { ClaimRow, FnolClaimRow, RentalBookingRow, SettlementRow } from "./claim-records";

export const toSettlementView = (row: SettlementRow): z.infer<typeof settlementViewSchema> => ({
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
  decided_by: row.decidedBy,
  message: String((row.settlement as { settlementMessage?: string }).settlementMessage ?? ""),
  created_at: row.createdAt,
});

interface StoredAssessment {
  damage: { Name: string; Confidence: number };
  colour: { label: string; confidence: number };
  severity: { label: string; probabilities: Record<string, number> };
}

/** A first notice of loss in full: where it stands, what the photo showed, the settlement and the rental car. */
export function toFnolClaimView(
  claim: ClaimRow,
  fnol: FnolClaimRow,
  settlement: SettlementRow | undefined,
  rental: RentalBookingRow | undefined,
): z.infer<typeof fnolClaimViewSchema> {
  const assessed = fnol.damageAssessment as unknown as StoredAssessment | null;
  return {
    claim_id: claim.id,
    channel: "fnol",
    customer_id: fnol.customerId,
    policy_id: fnol.policyId,
    status: claim.status,
    stage: fnol.stage,
    stage_reason: fnol.stageReason,
    occurrence_at: fnol.occurrenceAt,
    photo_attempts: fnol.photoAttempts,
    damage_document_id: fnol.damageDocumentId,
    damage_assessment: assessed
      ? {
          damage: assessed.damage,
          color: assessed.colour.label,
          color_confidence: assessed.colour.confidence,
          severity: assessed.severity.label,
          severity_probabilities: assessed.severity.probabilities,
        }
      : null,
    fraud_flag: claim.fraudFlag,
    fraud_reason: claim.fraudReason,
    settlement: settlement ? toSettlementView(settlement) : null,
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
