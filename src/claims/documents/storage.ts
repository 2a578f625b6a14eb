import type { CurrentUser } from "../../auth/current-user";
import type { Env } from "../../env";
import { ApiError } from "../../errors/api-error";

export const documentKey = (claimId: string) => `claims/${claimId}/document.pdf`;

/** A filename safe to echo back and to put in Content-Disposition. */
export const safeFilename = (name: string): string =>
  (name.split(/[\\/]/).pop() ?? "claim.pdf").replace(/[^\w.\- ()]/g, "_").slice(0, 200) || "claim.pdf";

/**
 * Stores an accepted PDF, creates its PENDING claim and queues it, in that order; if a later
 * step fails, the earlier ones are undone, so a failed upload leaves nothing behind.
 */
export async function acceptClaimDocument(
  env: Env,
  upload: { claimId: string; bytes: Uint8Array; filename: string; pages: number },
  actor: CurrentUser,
  requestId: string,
): Promise<void> {
  const key = documentKey(upload.claimId);
  const now = new Date().toISOString();
  try {
    await env.DOCUMENTS.put(key, upload.bytes, {
      httpMetadata: { contentType: "application/pdf" },
      customMetadata: { claim_id: upload.claimId, filename: upload.filename, uploaded_by: actor.id },
    });
  } catch (err) {
    throw new ApiError("STORAGE_ERROR", "Could not store the document", { details: { reason: String(err) } });
  }
  try {
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO claims (id, channel, status, owner_user_id, document_key, document_filename, document_bytes, created_at, updated_at)
         VALUES (?, 'document', 'PENDING', ?, ?, ?, ?, ?, ?)`,
      ).bind(upload.claimId, actor.id, key, upload.filename, upload.bytes.byteLength, now, now),
      env.DB.prepare(
        `INSERT INTO audit_events (entity_type, entity_id, action, actor_id, actor_role, after, request_id, created_at)
         VALUES ('claim', ?, 'claim.document_uploaded', ?, ?, ?, ?, ?)`,
      ).bind(
        upload.claimId,
        actor.id,
        actor.role,
        JSON.stringify({ filename: upload.filename, bytes: upload.bytes.byteLength, pages: upload.pages }),
        requestId,
        now,
      ),
    ]);
  } catch (err) {
    await env.DOCUMENTS.delete(key);
    throw err;
  }
  try {
    await env.CLAIM_DOCUMENTS_QUEUE.send({ claimId: upload.claimId, documentKey: key });
  } catch (err) {
    await env.DB.batch([
      env.DB.prepare("DELETE FROM claims WHERE id = ?").bind(upload.claimId),
      env.DB.prepare(
        "INSERT INTO audit_events (entity_type, entity_id, action, actor_id, actor_role, after, request_id) VALUES ('claim', ?, 'claim.upload_rolled_back', ?, ?, ?, ?)",
      ).bind(upload.claimId, actor.id, actor.role, JSON.stringify({ reason: "queue unavailable" }), requestId),
    ]);
    await env.DOCUMENTS.delete(key);
    throw new ApiError("STORAGE_ERROR", "Could not queue the document for processing", {
      details: { reason: String(err) },
    });
  }
}
