import { ApiError } from "../../errors/api-error";

/**
 * Where one submission's photo goes: a name of its own, so replacing a claim's photo never removes
 * one that a concurrent (re)submission of the same claim is about to record. A claim id's first
 * photo goes in a sub-folder named by the claim it is about to create: a deletion of an earlier
 * claim with the same client claim id sweeps that claim's files, never this sub-folder.
 */
export function photoObjectKey(customerId: string, clientClaimId: string, format: string, newClaimId: string | null) {
  const folder = `photos/${customerId}/${clientClaimId}/${newClaimId ? `${newClaimId}/` : ""}`;
  return `${folder}${crypto.randomUUID()}.${format === "png" ? "png" : "jpg"}`;
}

/** Stores the photo; a storage failure is logged with its details and answered without them. */
export async function storePhotoObject(bucket: R2Bucket, key: string, bytes: Uint8Array, contentType: string) {
  try {
    await bucket.put(key, bytes, { httpMetadata: { contentType } });
  } catch (err) {
    // The storage error's text names keys and internals: it goes to the log, not to the customer.
    console.error(JSON.stringify({ level: "error", message: "photo storage failed", key, error: String(err) }));
    throw new ApiError("STORAGE_ERROR", "Could not store the photo");
  }
}
