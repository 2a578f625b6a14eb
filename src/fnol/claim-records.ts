import { and, desc, eq, exists, inArray, isNull } from "drizzle-orm";
import type { Database } from "../db/client";
import { claims, type FnolStage, fnolClaims, fnolSettlements, rentalBookings, uploadGrants } from "../db/schema";
import { CLAIM_STATUS_OF_STAGE } from "../domain/fnol/claim-stage";
import type { Statement } from "../events/event-log";

export type FnolClaimRow = typeof fnolClaims.$inferSelect;
export type ClaimRow = typeof claims.$inferSelect;
export type SettlementRow = typeof fnolSettlements.$inferSelect;
export type RentalBookingRow = typeof rentalBookings.$inferSelect;

/** A first notice of loss: its row in the claims table and its own facts. */
export async function findFnolClaim(
  db: Database,
  claimId: string,
): Promise<{ claim: ClaimRow; fnol: FnolClaimRow } | undefined> {
  const row = await db
    .select({ claim: claims, fnol: fnolClaims })
    .from(claims)
    .innerJoin(fnolClaims, eq(fnolClaims.claimId, claims.id))
    .where(and(eq(claims.id, claimId), eq(claims.channel, "fnol")))
    .get();
  return row ?? undefined;
}

/** The settlement version that counts: the latest. */
export const latestSettlement = (db: Database, claimId: string) =>
  db
    .select()
    .from(fnolSettlements)
    .where(eq(fnolSettlements.claimId, claimId))
    .orderBy(desc(fnolSettlements.version))
    .get();

export const findRentalBooking = (db: Database, claimId: string) =>
  db.select().from(rentalBookings).where(eq(rentalBookings.claimId, claimId)).get();

/** The claim's unused upload URLs stop working (it has its photo, or it is closed). */
export const expireUploadUrls = (db: Database, claimId: string, at: string) =>
  db
    .update(uploadGrants)
    .set({ expiresAt: at })
    .where(and(eq(uploadGrants.claimId, claimId), isNull(uploadGrants.usedAt)));

export interface StageChange {
  stage: FnolStage;
  reason?: string | null;
  /** Only from this stage (a replayed step changes nothing once the claim has moved on). */
  from: readonly FnolStage[];
  at: string;
  fraudReason?: string;
  approvedAmountCents?: number;
}

/**
 * The two updates that move a claim to a stage: its status in the claims table, then its facts,
 * both only while the claim is at one of the `from` stages (the first reads the stage before the
 * second changes it), so a replayed step never moves a claim back.
 */
export function moveClaimTo(db: Database, claimId: string, change: StageChange): Statement[] {
  const status = CLAIM_STATUS_OF_STAGE[change.stage];
  const atFromStage = and(eq(fnolClaims.claimId, claimId), inArray(fnolClaims.stage, [...change.from]));
  const final = change.stage !== "AWAITING_PHOTO" && change.stage !== "PHOTO_RECEIVED";
  return [
    db
      .update(claims)
      .set({
        status,
        updatedAt: change.at,
        ...(final ? { processedAt: change.at } : {}),
        ...(change.fraudReason ? { fraudFlag: true, fraudReason: change.fraudReason } : {}),
        ...(change.approvedAmountCents !== undefined ? { approvedAmountCents: change.approvedAmountCents } : {}),
      })
      .where(
        and(
          eq(claims.id, claimId),
          eq(claims.channel, "fnol"),
          exists(db.select({ one: fnolClaims.claimId }).from(fnolClaims).where(atFromStage)),
        ),
      ),
    db
      .update(fnolClaims)
      .set({ stage: change.stage, stageReason: change.reason ?? null, updatedAt: change.at })
      .where(atFromStage),
  ];
}
