import { eq, sql } from "drizzle-orm";
import { auditInsert } from "../audit";
import type { CurrentUser } from "../auth/current-user";
import type { Database } from "../db/client";
import { isNotNullViolation, isUniqueViolation } from "../db/errors";
import { claims, fnolSettlements } from "../db/schema";
import { reviseSettlement, type Settlement, type SettlementOverride, settlementIdFor } from "../domain/settlement";
import type { Env } from "../env";
import { ApiError } from "../errors/api-error";
import { runBatch } from "../events/batch";
import { appendEvents } from "../events/event-log";
import { publishEvents } from "../events/publish";
import { type ClaimRow, findFnolClaim, latestSettlement, type SettlementRow } from "./claim-records";
import { settlementFinalizedEvent, settlementRow, settlementValues } from "./settle-claim";

/** The claim moved past the version the adjuster's If-Match named while the override was being written. */
export class StaleClaimError extends Error {}

/**
 * An adjuster acts on its caseload: a claim assigned to it, or an unassigned one (which it takes by
 * overriding); another adjuster's claim is refused.
 */
function requireOwnOrUnassigned(adjuster: CurrentUser, claim: ClaimRow): void {
  if (adjuster.role !== "insurer" || claim.assignedInsurerId === null || claim.assignedInsurerId === adjuster.id)
    return;
  throw new ApiError(
    "CONFLICT",
    `Claim ${claim.id} is assigned to another adjuster: only they or an admin may override it`,
    {
      details: { assignee_id: claim.assignedInsurerId },
    },
  );
}

/**
 * An adjuster's override: the next settlement version (src/domain/settlement reviseSettlement), its
 * audit entry with every figure that moved, the claim's approved amount and a new
 * Settlement.Finalized — one batch. The version is unique per claim, so of two concurrent
 * overrides of one version one wins and the other is a 409; the rental reactor re-books on the event.
 */
export async function overrideSettlement(
  env: Env,
  db: Database,
  adjuster: CurrentUser,
  claimId: string,
  override: Omit<SettlementOverride, "adjusterId">,
  requestId: string,
  /** The claim versions If-Match allows (undefined: any); checked inside the batch, so nothing is half-written. */
  claimVersions?: readonly number[],
): Promise<SettlementRow> {
  const found = await findFnolClaim(db, claimId);
  if (!found) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${claimId} not found`);
  requireOwnOrUnassigned(adjuster, found.claim);
  if (claimVersions && !claimVersions.includes(found.claim.version)) throw new StaleClaimError();
  const current = await latestSettlement(db, claimId);
  if (!current) throw new ApiError("CONFLICT", "This claim has no settlement to override yet");
  const at = new Date().toISOString();
  const revised = reviseSettlement(
    current.settlement as unknown as Settlement,
    { ...override, adjusterId: adjuster.id },
    { settlementId: await settlementIdFor(claimId, current.version + 1), decidedAt: at },
  );
  if (!revised.ok) {
    const conflict = revised.problems.find((p) => p.code === "VERSION_CONFLICT" || p.code === "NO_CHANGE");
    throw new ApiError(conflict ? "CONFLICT" : "VALIDATION_ERROR", conflict?.message ?? "Invalid override", {
      details: { issues: revised.problems, current_version: current.version },
    });
  }
  const { settlement, changes } = revised.value;
  const event = await settlementFinalizedEvent(settlement, at);
  try {
    await runBatch(db, [
      // A plain insert: the loser of two concurrent overrides of one version fails here, whole.
      claimVersions
        ? guardedSettlementRow(db, settlement, claimVersions)
        : settlementRow(db, settlement, null, { replay: false }),
      db
        .update(claims)
        .set({
          approvedAmountCents: settlement.payoutCents,
          updatedAt: at,
          // The adjuster who revises an unassigned claim's settlement takes the claim.
          assignedInsurerId: found.claim.assignedInsurerId ?? (adjuster.role === "insurer" ? adjuster.id : null),
        })
        .where(eq(claims.id, claimId)),
      auditInsert(db, {
        entityType: "claim",
        entityId: claimId,
        action: "claim.fnol_settlement_overridden",
        actor: adjuster,
        before: { settlement_id: current.id, version: current.version },
        after: {
          settlement_id: settlement.settlementId,
          version: settlement.version,
          changes,
          reason: override.reason,
        },
        requestId,
      }),
      ...appendEvents(db, [event]),
    ]);
  } catch (error) {
    if (claimVersions && isNotNullViolation(error, "fnol_settlements.customer_id")) throw new StaleClaimError();
    if (isUniqueViolation(error)) {
      throw new ApiError("CONFLICT", "Another adjuster changed this settlement first; reload it", {
        details: { current_version: current.version + 1 },
      });
    }
    throw error;
  }
  await publishEvents(env, [event]);
  return (await latestSettlement(db, claimId))!;
}

/**
 * The settlement row, its customer read from the claim only while the claim is at one of `versions`:
 * otherwise the column is NULL, the NOT NULL constraint fails and the whole batch with it.
 */
function guardedSettlementRow(db: Database, settlement: Settlement, versions: readonly number[]) {
  const atVersion = sql`(SELECT customer_id FROM ${claims} WHERE ${claims.id} = ${settlement.claimId} AND ${claims.version} IN (${sql.join(
    versions.map((v) => sql`${v}`),
    sql`, `,
  )}))`;
  return db.insert(fnolSettlements).values({ ...settlementValues(settlement, null), customerId: atVersion });
}
