import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../db/client";
import { type UploadPurpose, uploadGrants } from "../db/schema";
import { uuidV5 } from "../domain/settlement/uuid-v5";
import type { Statement } from "../events/event-log";
import { signUploadToken } from "./upload-token";

/** How long an upload URL stays valid: long enough to pick a photo, short enough to be worthless later. */
export const UPLOAD_URL_TTL_SECONDS = 15 * 60;
export const UPLOADS_PATH = "/api/v1/uploads";

const GRANT_NAMESPACE = "4f8a1c2e-73b5-4d0e-9c61-5a2b7e9d3f10";

export interface UploadGrantRequest {
  customerId: string;
  purpose: UploadPurpose;
  claimId?: string;
  /** The API origin the URL points at. */
  origin: string;
  now: Date;
  /** Set by replayable code (a Workflow step) so a replay writes the same grant: a business key. */
  replayKey?: string;
}

export interface IssuedUpload {
  grantId: string;
  url: string;
  expiresAt: string;
  statement: Statement;
}

/** A signed, expiring, single-use PUT URL and the statement that records its grant (to batch with the caller's change). */
export async function issueUploadUrl(db: Database, secret: string, request: UploadGrantRequest): Promise<IssuedUpload> {
  const grantId = request.replayKey
    ? await uuidV5(GRANT_NAMESPACE, `${request.replayKey}\u0000${request.purpose}`)
    : crypto.randomUUID();
  const expires = new Date(request.now.getTime() + UPLOAD_URL_TTL_SECONDS * 1000);
  const token = await signUploadToken(secret, grantId, expires);
  return {
    grantId,
    url: `${request.origin}${UPLOADS_PATH}/${token}`,
    expiresAt: expires.toISOString(),
    statement: db
      .insert(uploadGrants)
      .values({
        id: grantId,
        customerId: request.customerId,
        purpose: request.purpose,
        claimId: request.claimId ?? null,
        expiresAt: expires.toISOString(),
      })
      .onConflictDoNothing(),
  };
}

export type UploadGrant = typeof uploadGrants.$inferSelect;

/** An unused, unexpired grant, without consuming it (to check the body before spending the URL). */
export const findUsableGrant = (db: Database, grantId: string, now: Date) =>
  db
    .select()
    .from(uploadGrants)
    .where(
      and(eq(uploadGrants.id, grantId), isNull(uploadGrants.usedAt), gt(uploadGrants.expiresAt, now.toISOString())),
    )
    .get();

export const findGrant = (db: Database, grantId: string) =>
  db.select().from(uploadGrants).where(eq(uploadGrants.id, grantId)).get();

/** Consumes a grant with one conditional UPDATE: of two concurrent uploads with one URL, one wins. */
export async function consumeGrant(db: Database, grantId: string, now: Date): Promise<UploadGrant | undefined> {
  const rows = await db
    .update(uploadGrants)
    .set({ usedAt: now.toISOString() })
    .where(
      and(eq(uploadGrants.id, grantId), isNull(uploadGrants.usedAt), gt(uploadGrants.expiresAt, now.toISOString())),
    )
    .returning();
  return rows[0];
}

/** Gives a consumed grant back when storing the upload failed, so the URL can be tried again. */
export const releaseGrant = (db: Database, grantId: string, usedAt: string) =>
  db
    .update(uploadGrants)
    .set({ usedAt: null })
    .where(and(eq(uploadGrants.id, grantId), eq(uploadGrants.usedAt, usedAt)));
