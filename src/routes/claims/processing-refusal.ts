import { ApiError } from "../../errors/api-error";

/** Why an administrator's re-run or fail did not apply: no such claim (404), or its state (409, with the state). */
export async function refuseProcessingAction(db: D1Database, claimId: string, what: string): Promise<never> {
  const row = await db
    .prepare("SELECT channel, status, processing_attempts, lease_expires_at FROM claims WHERE id = ?")
    .bind(claimId)
    .first<{ channel: string; status: string; processing_attempts: number; lease_expires_at: string | null }>();
  if (!row) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${claimId} not found`);
  const why =
    row.channel !== "document"
      ? `it is a ${row.channel} claim, decided when it was submitted`
      : row.status === "PROCESSING"
        ? `attempt ${row.processing_attempts} holds it until ${row.lease_expires_at}`
        : `it is already ${row.status}`;
  throw new ApiError("CONFLICT", `Claim ${claimId} cannot be ${what}: ${why}`, {
    details: {
      channel: row.channel,
      status: row.status,
      processing_attempts: row.processing_attempts,
      lease_expires_at: row.lease_expires_at,
    },
  });
}
