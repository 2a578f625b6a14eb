import jpegTurboModule from "@cwasm/jpeg-turbo/jpeg-turbo.wasm";
import mozjpegDecoder from "@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm";
import decodeJpeg, { init as initJpeg } from "@jsquash/jpeg/decode.js";
// @ts-expect-error the package's .wasm.d.ts describes the instance exports; wrangler gives the module as default
import pngDecoder from "@jsquash/png/codec/pkg/squoosh_png_bg.wasm";
import decodePng, { init as initPng } from "@jsquash/png/decode.js";
import { type DecodeNeeds, jpegDecodeScale } from "../domain/photo/decode-scale";
import { PhotoError } from "../domain/photo/errors";
import type { RgbaImage } from "../domain/photo/image";
import type { ImageHeader } from "../domain/photo/image-header";
import { orientUpright } from "../domain/photo/orientation";
import { createJpegTurboDecoder } from "./jpeg-turbo";

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
 * Decodes a photo that passed inspectImage() to tightly packed RGBA, turned upright as its EXIF
 * orientation says (a phone's portrait shot is stored sideways): the models were trained on
 * upright photos (none of their training images carries a turning orientation).
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
  return orientUpright({ data: image.data, width: image.width, height: image.height }, header.orientation);
}

const decodeJpegScaled = createJpegTurboDecoder(jpegTurboModule);

const undecodable = (header: ImageHeader, reason: string) =>
  new PhotoError({
    code: "INVALID_IMAGE",
    message: "Image could not be decoded",
    details: { format: header.format, reason },
  });

/**
 * Decodes a photo no larger than its consumers need: a JPEG at the smallest DCT scale that keeps
 * `needs` (libjpeg-turbo), a PNG in full; upright, like decodePhoto().
 */
export async function decodePhotoReduced(
  bytes: Uint8Array,
  header: ImageHeader,
  needs: DecodeNeeds,
): Promise<RgbaImage> {
  const scale = header.format === "jpeg" ? jpegDecodeScale(header.width, header.height, needs) : 1;
  if (scale === 1) return decodePhoto(bytes, header);
  let decoded: Awaited<ReturnType<typeof decodeJpegScaled>>;
  try {
    decoded = await decodeJpegScaled(bytes, scale);
  } catch (error) {
    throw undecodable(header, error instanceof Error ? error.message : String(error));
  }
  if (decoded.full.width !== header.width || decoded.full.height !== header.height)
    throw undecodable(header, "decoded size differs from the header");
  return orientUpright(decoded.image, header.orientation);
}
