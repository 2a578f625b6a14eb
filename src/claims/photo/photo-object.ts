import { ApiError } from "../../errors/api-error";

/** Content-addressed within the claim, so resubmitting the same photo stores nothing new. */
export async function photoObjectKey(
  customerId: string,
  claimId: string,
  bytes: Uint8Array,
  format: string,
): Promise<string> {
  const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
  return `photos/${customerId}/${claimId}/${digest}.${format === "png" ? "png" : "jpg"}`;
}

/** Stores the photo; says whether the same bytes were already there (then a failed claim write keeps them). */
export async function storePhotoObject(
  bucket: R2Bucket,
  key: string,
  bytes: Uint8Array,
  contentType: string,
): Promise<boolean> {
  try {
    if (await bucket.head(key)) return true;
    await bucket.put(key, bytes, { httpMetadata: { contentType } });
    return false;
  } catch (err) {
    throw new ApiError("STORAGE_ERROR", "Could not store the photo", { details: { reason: String(err) } });
  }
}
