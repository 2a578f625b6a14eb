import type { RgbaImage } from "../../src/domain/photo/image";
import { inspectImage, sniffImageFormat } from "../../src/domain/photo/image-header";
import { decodePhoto } from "../../src/image/decode";
import { formulaImage } from "./formula";

/** The parity fixtures a training run writes beside each photo classifier (models/<name>/parity.json). */
export interface ClassifierParity {
  images: {
    name: string;
    width: number;
    height: number;
    formula: { r: string; g: string; b: string };
    probabilities: number[];
  }[];
  held_out_photos: { file: string; label: string; probabilities: number[] }[];
}

export const parityImage = (c: ClassifierParity["images"][number]): RgbaImage =>
  formulaImage(c.width, c.height, c.formula);

/**
 * Decodes a real photo the way the API does (header checks, then @jsquash). The car colour photos
 * are 224×224, under the damage upload's 320 px minimum: that product rule alone is let through.
 */
export async function decodeRealPhoto(bytes: ArrayBuffer): Promise<RgbaImage> {
  const data = new Uint8Array(bytes);
  const header = inspectImage(data);
  if (header.ok) return decodePhoto(data, header.value);
  const { width, height, min_width } = (header.error.details ?? {}) as Record<string, number>;
  const format = sniffImageFormat(data);
  if (min_width === undefined || !format || !width || !height)
    throw new Error(`${header.error.code}: ${header.error.message}`);
  return decodePhoto(data, {
    format,
    mimeType: format === "jpeg" ? "image/jpeg" : "image/png",
    width,
    height,
    progressive: false,
    orientation: 1,
  });
}

/**
 * Loaders for the held-out photos named in parity.json, from the shared data sets beside the
 * project (`import.meta.glob` over ../shared/data); empty when the data sets are absent.
 */
export function heldOutPhotoLoaders(
  glob: Record<string, () => Promise<ArrayBuffer>>,
  photos: ClassifierParity["held_out_photos"],
): { photo: ClassifierParity["held_out_photos"][number]; load: () => Promise<ArrayBuffer> }[] {
  const byFile = new Map(
    Object.entries(glob).map(([path, load]) => [path.replace(/^(\.\.\/)+shared\/data\//, ""), load]),
  );
  return photos.flatMap((photo) => {
    const load = byFile.get(photo.file);
    return load ? [{ photo, load }] : [];
  });
}

export const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};
