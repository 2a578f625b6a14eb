import { eq } from "drizzle-orm";
import { auditInsert } from "../audit";
import { findCustomer } from "../customers/customer-records";
import type { Database } from "../db/client";
import { customerDocuments, uploadGrants } from "../db/schema";
import { PhotoError } from "../domain/photo/errors";
import type { Env } from "../env";
import { ApiError } from "../errors/api-error";
import { runBatch } from "../events/batch";
import { findFnolClaim } from "../fnol/claim-records";
import { DAMAGE_PHOTO_EVENT, type DamagePhotoReceived } from "../fnol/damage-photo-event";
import { startWorkflowOnce } from "../workflows/start-once";
import { startImageUpload, streamImageToBucket } from "./image-upload";
import { consumeGrant, findGrant, releaseGrant, type UploadGrant } from "./upload-grants";
import { verifyUploadToken } from "./upload-token";

export interface UploadReceipt {
  documentId: string;
  documentType: UploadGrant["purpose"];
  claimId: string | null;
  bytes: number;
  contentType: string;
}

/** The document Workflow's instance id: one per uploaded document. */
export const documentInstanceId = (documentId: string) => `document-${documentId}`;

export const documentObjectKey = (customerId: string, documentId: string, format: string) =>
  `customers/${customerId}/documents/${documentId}.${format === "jpeg" ? "jpg" : "png"}`;

const refusedUrl = () => new ApiError("FORBIDDEN", "This upload URL is invalid or has expired; ask for a new one");

/** Everything that makes a grant unusable, checked before the body is read. */
async function usableGrant(env: Env, db: Database, token: string): Promise<UploadGrant> {
  const check = await verifyUploadToken(env.JWT_SECRET, token);
  if (!check.ok) throw refusedUrl();
  const grant = await findGrant(db, check.grantId);
  if (!grant || grant.expiresAt <= new Date().toISOString()) throw refusedUrl();
  if (grant.usedAt) throw new ApiError("CONFLICT", "This upload URL has already been used; ask for a new one");
  const customer = await findCustomer(db, grant.customerId);
  if (customer?.status !== "ACCEPTED") throw refusedUrl();
  if (grant.purpose === "DAMAGE") {
    const claim = grant.claimId ? await findFnolClaim(db, grant.claimId) : undefined;
    if (claim?.fnol.stage !== "AWAITING_PHOTO") {
      throw new ApiError("CONFLICT", "This claim is not waiting for a damage photo", {
        details: { stage: claim?.fnol.stage ?? null },
      });
    }
  }
  return grant;
}

/**
 * PUT /uploads/{token}: the signed URL is checked, then the image's first bytes (magic bytes,
 * size, dimensions) before anything is stored; then the grant is consumed (one conditional
 * UPDATE), the body streamed into R2 and the document recorded; its processing starts. A
 * failure after the grant was consumed gives the grant back and removes the object.
 */
export async function receiveUpload(
  env: Env,
  db: Database,
  token: string,
  request: {
    body: ReadableStream<Uint8Array> | null;
    contentLength: number | undefined;
    contentType: string | undefined;
    requestId: string;
  },
): Promise<UploadReceipt> {
  const grant = await usableGrant(env, db, token);
  if (!/^image\/(jpeg|png)\b/i.test(request.contentType ?? "")) {
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send the image as an image/jpeg or image/png body");
  }
  if (!request.body || request.contentLength === undefined) {
    throw new ApiError("VALIDATION_ERROR", "Send the image as the request body with its Content-Length");
  }
  const start = await startImageUpload(request.body, request.contentLength).catch((error: unknown) => {
    if (error instanceof PhotoError) {
      throw new ApiError(error.code, error.message, { details: error.details });
    }
    throw error;
  });
  const now = new Date();
  const consumed = await consumeGrant(db, grant.id, now);
  if (!consumed) throw new ApiError("CONFLICT", "This upload URL has already been used; ask for a new one");
  const documentId = crypto.randomUUID();
  const key = documentObjectKey(grant.customerId, documentId, start.header.format);
  try {
    await streamImageToBucket(env.DOCUMENTS, key, start, request.contentLength);
  } catch (error) {
    await releaseGrant(db, grant.id, consumed.usedAt!).run();
    if (error instanceof TypeError || /length/i.test(String(error))) {
      throw new ApiError("VALIDATION_ERROR", "The body does not match its Content-Length");
    }
    throw new ApiError("STORAGE_ERROR", "The image could not be stored; try the same URL again");
  }
  const at = now.toISOString();
  try {
    await runBatch(db, [
      db.insert(customerDocuments).values({
        id: documentId,
        customerId: grant.customerId,
        documentType: grant.purpose,
        claimId: grant.claimId,
        objectKey: key,
        contentType: start.header.mimeType,
        bytes: request.contentLength,
        status: "UPLOADED",
        uploadedAt: at,
      }),
      db.update(uploadGrants).set({ documentId }).where(eq(uploadGrants.id, grant.id)),
      auditInsert(db, {
        entityType: "customer_document",
        entityId: documentId,
        action: "customer_document.uploaded",
        actor: null,
        after: {
          customer_id: grant.customerId,
          document_type: grant.purpose,
          bytes: request.contentLength,
          grant_id: grant.id,
        },
        requestId: request.requestId,
      }),
    ]);
  } catch (error) {
    await env.DOCUMENTS.delete(key).catch(() => undefined);
    await releaseGrant(db, grant.id, consumed.usedAt!).run();
    throw error;
  }
  await startProcessing(env, grant, documentId);
  return {
    documentId,
    documentType: grant.purpose,
    claimId: grant.claimId,
    bytes: request.contentLength,
    contentType: start.header.mimeType,
  };
}

/** Tells a claim's Workflow (waiting in step.waitForEvent) that its damage photo is stored. */
export const sendDamagePhoto = (env: Env, claimId: string, documentId: string) =>
  env.CLAIM_WORKFLOW.get(claimId).then((instance) =>
    instance.sendEvent({ type: DAMAGE_PHOTO_EVENT, payload: { documentId } satisfies DamagePhotoReceived }),
  );

/** Hands the stored document to its Workflow; if this fails the relay's sweep does it later. */
async function startProcessing(env: Env, grant: UploadGrant, documentId: string): Promise<void> {
  try {
    if (grant.purpose === "DRIVERS_LICENSE" || grant.purpose === "CAR") {
      await startWorkflowOnce(env.DOCUMENT_WORKFLOW, documentInstanceId(documentId), { documentId });
    } else if (grant.claimId) {
      await sendDamagePhoto(env, grant.claimId, documentId);
    }
  } catch (error) {
    console.error(
      JSON.stringify({
        level: "error",
        message: "starting document processing failed",
        documentId,
        error: String(error),
      }),
    );
  }
}
