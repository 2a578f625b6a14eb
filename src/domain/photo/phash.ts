import { type GreyImage, greyResized, type RgbaImage } from "./image";
import { workingLuma } from "./quality";

/**
 * DCT perceptual hash (pHash): luma (the quality gate's working copy) squashed to 32x32 with the box filter, 2-D DCT-II, the
 * 8x8 lowest frequencies, one bit per coefficient set when it is above the median of the 63
 * AC coefficients (the DC term only carries overall brightness and is left out of the median).
 * 64 bits as 16 lower-case hex digits, most significant first (row-major over the 8x8 block).
 */
const HASH_INPUT = 32;
const HASH_BLOCK = 8;

/**
 * Photos whose hashes differ in at most this many of 64 bits are treated as the same photo.
 * On the 1839 real car photos (bench/photo-phash-pairs.ts): 99.8% of resized + re-encoded copies
 * fall within 7, and of 1.69 M pairs of distinct files only the 15 true duplicates do (8 adds two
 * different white SUVs shot on the same studio background).
 */
export const NEAR_DUPLICATE_MAX_DISTANCE = 7;

let cosines: Float64Array | undefined;
function dctBasis(): Float64Array {
  if (!cosines) {
    cosines = new Float64Array(HASH_BLOCK * HASH_INPUT);
    for (let k = 0; k < HASH_BLOCK; k++) {
      const scale = k === 0 ? Math.sqrt(1 / HASH_INPUT) : Math.sqrt(2 / HASH_INPUT);
      for (let n = 0; n < HASH_INPUT; n++)
        cosines[k * HASH_INPUT + n] = scale * Math.cos(((2 * n + 1) * k * Math.PI) / (2 * HASH_INPUT));
    }
  }
  return cosines;
}

/** Hash of decoded pixels, via the quality gate's luma working copy (so both share one downscale). */
export function perceptualHash(image: RgbaImage): string {
  return perceptualHashOfLuma(workingLuma(image));
}

export function perceptualHashOfLuma(luma: GreyImage): string {
  const { data } = greyResized(luma, HASH_INPUT, HASH_INPUT);
  const c = dctBasis();
  // rows: T = X · Cᵀ (32 x 8), then columns: F = C · T (8 x 8)
  const t = new Float64Array(HASH_INPUT * HASH_BLOCK);
  for (let y = 0; y < HASH_INPUT; y++)
    for (let k = 0; k < HASH_BLOCK; k++) {
      let s = 0;
      for (let x = 0; x < HASH_INPUT; x++) s += data[y * HASH_INPUT + x]! * c[k * HASH_INPUT + x]!;
      t[y * HASH_BLOCK + k] = s;
    }
  const f = new Float64Array(HASH_BLOCK * HASH_BLOCK);
  for (let ky = 0; ky < HASH_BLOCK; ky++)
    for (let kx = 0; kx < HASH_BLOCK; kx++) {
      let s = 0;
      for (let y = 0; y < HASH_INPUT; y++) s += c[ky * HASH_INPUT + y]! * t[y * HASH_BLOCK + kx]!;
      f[ky * HASH_BLOCK + kx] = s;
    }
  const ac = Array.from(f.subarray(1)).sort((a, b) => a - b);
  const median = (ac[31]! + ac[32]!) / 2;
  let hex = "";
  for (let nibble = 0; nibble < 16; nibble++) {
    let v = 0;
    for (let bit = 0; bit < 4; bit++) v = (v << 1) | (f[nibble * 4 + bit]! > median ? 1 : 0);
    hex += v.toString(16);
  }
  return hex;
}

const HEX64 = /^[0-9a-f]{16}$/i;

export function isPerceptualHash(value: string): boolean {
  return HEX64.test(value);
}

/** Number of differing bits between two 16-hex-digit hashes. */
export function hammingDistance(a: string, b: string): number {
  if (!HEX64.test(a) || !HEX64.test(b)) throw new RangeError("perceptual hashes are 16 hex digits");
  let distance = 0;
  for (let i = 0; i < 16; i += 4) {
    let x = parseInt(a.slice(i, i + 4), 16) ^ parseInt(b.slice(i, i + 4), 16);
    while (x) {
      x &= x - 1;
      distance++;
    }
  }
  return distance;
}

export function isNearDuplicate(a: string, b: string, maxDistance: number = NEAR_DUPLICATE_MAX_DISTANCE): boolean {
  return hammingDistance(a, b) <= maxDistance;
}

/**
 * The hash's 8 bytes as lookup keys for storage. Two hashes within 7 bits differ in at most 7 of
 * these 8 bands, so they share at least one band exactly: index (band, value) pairs, fetch the
 * candidates sharing any band, then confirm with isNearDuplicate().
 */
export function perceptualHashBands(hash: string): number[] {
  if (!HEX64.test(hash)) throw new RangeError("perceptual hashes are 16 hex digits");
  return Array.from({ length: 8 }, (_, band) => parseInt(hash.slice(band * 2, band * 2 + 2), 16));
}
