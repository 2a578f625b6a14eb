import { DAMAGE_INPUT_SIZE } from "./preprocess";
import { QUALITY_WORKING_SIDE } from "./quality";

/** The JPEG DCT-domain scales libjpeg-turbo decodes fastest, smallest first. */
export const JPEG_DECODE_SCALES = [1 / 8, 1 / 4, 1 / 2, 1] as const;

export interface DecodeNeeds {
  /** The long side the consumers work at (the quality gate's working copy). */
  longSide: number;
  /** The short side below which a consumer would upsample (the damage model's input). */
  shortSide: number;
}

/** What the quality gate (long side) and the damage model (short side) read of a photo. */
export const PHOTO_DECODE_NEEDS: DecodeNeeds = { longSide: QUALITY_WORKING_SIDE, shortSide: DAMAGE_INPUT_SIZE };

/** Size of an image decoded at `scale` (libjpeg rounds scaled sizes up). */
export const scaledSize = (width: number, height: number, scale: number) => ({
  width: Math.ceil(width * scale),
  height: Math.ceil(height * scale),
});

/**
 * The smallest decode scale that still gives every consumer at least the pixels it reads:
 * long side ≥ needs.longSide and short side ≥ needs.shortSide (full size when the photo is
 * smaller than that already), so nothing downstream is upsampled.
 */
export function jpegDecodeScale(width: number, height: number, needs: DecodeNeeds): number {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  for (const scale of JPEG_DECODE_SCALES) {
    if (Math.ceil(long * scale) >= needs.longSide && Math.ceil(short * scale) >= needs.shortSide) return scale;
  }
  return 1;
}
