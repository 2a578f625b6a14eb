import mozjpegDecoder from "@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm";
import decodeJpeg, { init as initJpeg } from "@jsquash/jpeg/decode.js";
// @ts-expect-error the package's .wasm.d.ts describes the instance exports; wrangler gives the module as default
import pngDecoder from "@jsquash/png/codec/pkg/squoosh_png_bg.wasm";
import decodePng, { init as initPng } from "@jsquash/png/decode.js";
import { PhotoError } from "../domain/photo/errors";
import type { RgbaImage } from "../domain/photo/image";
import type { ImageHeader } from "../domain/photo/image-header";

// Workers forbid compiling wasm from bytes: hand each decoder its precompiled module, once per isolate.
let ready: Promise<void> | undefined;

export function initPhotoDecoders(): Promise<void> {
  ready ??= Promise.all([initJpeg(mozjpegDecoder), initPng(pngDecoder)]).then(
    () => undefined,
    (error: unknown) => {
      ready = undefined;
      throw error;
    },
  );
  return ready;
}

/**
 * Decodes a photo that passed inspectImage() to tightly packed RGBA. EXIF orientation is NOT
 * applied: pixels stay in stored order, exactly as the damage model was trained (PIL without
 * exif_transpose) and as the perceptual hash was computed for earlier claims.
 */
export async function decodePhoto(bytes: Uint8Array, header: ImageHeader): Promise<RgbaImage> {
  await initPhotoDecoders();
  const buffer =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : (bytes.slice().buffer as ArrayBuffer);
  let image: { data: Uint8ClampedArray; width: number; height: number };
  try {
    image =
      header.format === "jpeg" ? await decodeJpeg(buffer, { preserveOrientation: false }) : await decodePng(buffer);
  } catch (error) {
    throw new PhotoError({
      code: "INVALID_IMAGE",
      message: "Image could not be decoded",
      details: { format: header.format, reason: error instanceof Error ? error.message : String(error) },
    });
  }
  if (
    image.width !== header.width ||
    image.height !== header.height ||
    image.data.length !== image.width * image.height * 4
  ) {
    throw new PhotoError({
      code: "INVALID_IMAGE",
      message: "Image could not be decoded",
      details: { format: header.format, reason: "decoded size differs from the header" },
    });
  }
  return { data: image.data, width: image.width, height: image.height };
}
