/** Photo constraints of POST /claims/validate (JPEG/PNG, >= 320x320, ~10 MB raw). */
export const MIN_IMAGE_SIDE = 320;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/**
 * Refused from the header, before decoding. 4096x3072 (12.6 MP) covers 12 MP phone photos
 * (4032x3024, 4000x3000); the RGBA buffer is 50 MB and the decoder briefly holds two copies,
 * which is what a 128 MB Worker isolate can afford.
 */
export const MAX_IMAGE_PIXELS = 4096 * 3072;
