import { eq } from "drizzle-orm";
import { auditInsert } from "../audit";
import type { Database } from "../db/client";
import { autoPolicies, fnolSettlements, vehicles } from "../db/schema";
import { domainEvent } from "../domain/events/catalog";
import { eventIdFor } from "../domain/events/event-id";
import {
  assessSettlement,
  type Settlement,
  type SeverityProbabilities,
  settlementFinalizedDetail,
  settlementIdFor,
} from "../domain/settlement";
import type { Env } from "../env";
import { runBatch } from "../events/batch";
import { appendEvents, type Statement } from "../events/event-log";
import { publishEvents } from "../events/publish";
import { UnknownClaimError } from "./claim-decision";
import { findFnolClaim, moveClaimTo } from "./claim-records";

/** The claim's facts cannot be settled automatically (e.g. a vehicle the valuation refuses): no retry helps. */
export class UnsettleableClaimError extends Error {}

/** The Settlement.Finalized event of one settlement version: its id derived from the settlement's. */
export async function settlementFinalizedEvent(settlement: Settlement, at: string) {
  return domainEvent(
    "Settlement.Finalized",
    await eventIdFor(settlement.settlementId, "Settlement.Finalized"),
    settlementFinalizedDetail(settlement),
    at,
  );
}

/**
 * The row of one settlement version (never updated; the next version is a new row). A replayable
 * writer (`replay: true`) inserts nothing when the version exists; otherwise the insert fails.
 */
export function settlementRow(
  db: Database,
  settlement: Settlement,
  assessment: Record<string, unknown> | null,
  options = { replay: true },
) {
  const insert = db.insert(fnolSettlements).values(settlementValues(settlement, assessment));
  return options.replay ? insert.onConflictDoNothing() : insert;
}

/** The columns of one settlement version's row. */
export function settlementValues(settlement: Settlement, assessment: Record<string, unknown> | null) {
  return {
    id: settlement.settlementId,
    claimId: settlement.claimId,
    customerId: settlement.customerId,
    version: settlement.version,
    repairEstimateCents: settlement.repairEstimateCents,
    actualCashValueCents: settlement.actualCashValueCents,
    deductibleCents: settlement.deductibleCents,
    totalLoss: settlement.totalLoss,
    payoutCents: settlement.payoutCents,
    outOfPocketCents: settlement.outOfPocketCents,
    rentalDays: settlement.rentalDays,
    reviewRecommended: settlement.reviewRecommended,
    decidedBy: settlement.decision.by === "adjuster" ? settlement.decision.adjusterId : "assessment",
    settlement: settlement as unknown as Record<string, unknown>,
    assessment,
  };
}

/**
 * Settlement version 1 of an assessed claim: the car valued at the date of loss, the repair
 * estimated from the severity model's probabilities, total loss, payout and out-of-pocket
 * (src/domain/settlement). Its id is derived from the claim, so a replayed step inserts nothing.
 */
export async function settleClaim(env: Env, db: Database, claimId: string): Promise<{ settlementId: string }> {
  const found = await findFnolClaim(db, claimId);
  if (!found) throw new UnknownClaimError(`no first notice of loss ${claimId}`);
  const { fnol } = found;
  const insured = await db
    .select({ policy: autoPolicies, vehicle: vehicles })
    .from(autoPolicies)
    .innerJoin(vehicles, eq(vehicles.id, autoPolicies.vehicleId))
    .where(eq(autoPolicies.id, fnol.policyId))
    .get();
  const severity = (fnol.damageAssessment?.severity as { probabilities?: SeverityProbabilities } | undefined)
    ?.probabilities;
  if (!insured || !severity) throw new UnsettleableClaimError(`claim ${claimId} has no policy or no damage assessment`);
  const settlementId = await settlementIdFor(claimId, 1);
  const assessed = assessSettlement({
    settlementId,
    claimId,
    customerId: fnol.customerId,
    vehicle: {
      make: insured.vehicle.make,
      vehicleType: insured.vehicle.type,
      modelYear: insured.vehicle.year,
      mileage: insured.vehicle.mileage,
    },
    lossDate: fnol.occurrenceAt.slice(0, 10),
    severity,
    deductibleCents: insured.policy.collisionDeductibleCents,
  });
  if (!assessed.ok) {
    throw new UnsettleableClaimError(assessed.problems.map((p) => `${p.path}: ${p.message}`).join("; "));
  }
  const { settlement, valuation, estimate } = assessed.value;
  const at = new Date().toISOString();
  const event = await settlementFinalizedEvent(settlement, at);
  const statements: Statement[] = [
    settlementRow(db, settlement, { valuation, estimate } as unknown as Record<string, unknown>),
    ...moveClaimTo(db, claimId, {
      stage: "SETTLED",
      from: ["PHOTO_RECEIVED"],
      at,
      approvedAmountCents: settlement.payoutCents,
    }),
    auditInsert(db, {
      entityType: "claim",
      entityId: claimId,
      action: "claim.fnol_settled",
      actor: null,
      after: {
        settlement_id: settlementId,
        version: 1,
        total_loss: settlement.totalLoss,
        payout_cents: settlement.payoutCents,
        out_of_pocket_cents: settlement.outOfPocketCents,
      },
    }),
  ];
  if (fnol.stage !== "PHOTO_RECEIVED") return { settlementId };
  await runBatch(db, [...statements, ...appendEvents(db, [event])]);
  await publishEvents(env, [event]);
  return { settlementId };
}
