import { decodeBase64Image } from "../domain/photo/base64";
import { PHOTO_DECODE_NEEDS } from "../domain/photo/decode-scale";
import { PhotoError, type PhotoResult } from "../domain/photo/errors";
import type { RgbaImage } from "../domain/photo/image";
import { type ImageHeader, inspectImage } from "../domain/photo/image-header";
import { perceptualHashOfLuma } from "../domain/photo/phash";
import { damageModelInput } from "../domain/photo/preprocess";
import {
  assessQuality,
  measureQuality,
  type QualityAssessment,
  qualityRejection,
  workingLuma,
} from "../domain/photo/quality";
import { decodePhotoReduced } from "./decode";

export interface AcceptedPhoto {
  /** The original file, to store in R2 as is. */
  bytes: Uint8Array;
  header: ImageHeader;
  /** Decoded pixels, possibly reduced (PHOTO_DECODE_NEEDS); header has the stored size. */
  image: RgbaImage;
  quality: QualityAssessment;
  /** NCHW float32 [1, 3, 224, 224] for the damage model. */
  modelInput: Float32Array;
  /** 16 hex digits; compare with isNearDuplicate() against other customers' photos. */
  perceptualHash: string;
  timings: { checksMs: number; decodeMs: number; qualityMs: number; preprocessMs: number };
}

function unwrap<T>(result: PhotoResult<T>): T {
  if (!result.ok) throw new PhotoError(result.error);
  return result.value;
}

/**
 * Everything POST /claims/validate does to a photo before inference: base64 (string) or raw
 * bytes (binary upload) → header checks → decode → quality gate → model input and pHash.
 * Throws PhotoError (VALIDATION_ERROR, INVALID_IMAGE, INVALID_IMAGE_FORMAT, PAYLOAD_TOO_LARGE,
 * QUALITY_TOO_LOW) before anything is stored.
 */
export async function preparePhoto(input: string | Uint8Array): Promise<AcceptedPhoto> {
  const t0 = performance.now();
  const bytes = typeof input === "string" ? unwrap(decodeBase64Image(input)) : input;
  const header = unwrap(inspectImage(bytes));
  const t1 = performance.now();
  // The quality gate reads a ≤512 px copy and the model 224×224: decode no more than that.
  const image = await decodePhotoReduced(bytes, header, PHOTO_DECODE_NEEDS);
  const t2 = performance.now();
  const luma = workingLuma(image);
  const quality = assessQuality(measureQuality(luma));
  if (!quality.passed) throw new PhotoError(qualityRejection(quality));
  const t3 = performance.now();
  const modelInput = damageModelInput(image);
  const perceptualHash = perceptualHashOfLuma(luma);
  const t4 = performance.now();
  return {
    bytes,
    header,
    image,
    quality,
    modelInput,
    perceptualHash,
    timings: { checksMs: t1 - t0, decodeMs: t2 - t1, qualityMs: t3 - t2, preprocessMs: t4 - t3 },
  };
}
