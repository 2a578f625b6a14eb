import { PhotoError, type PhotoRejection } from "../domain/photo/errors";
import { type ImageHeader, inspectImage } from "../domain/photo/image-header";
import { MAX_IMAGE_BYTES } from "../domain/photo/limits";

/** The image header (JPEG frame or PNG IHDR) must sit within the first MiB: checked before the rest is read. */
export const IMAGE_HEADER_WINDOW = 1024 * 1024;

export interface ImageUploadStart {
  header: ImageHeader;
  /** The bytes read so far (the header window). */
  prefix: Uint8Array;
  /** The rest of the body, not read yet. */
  rest: ReadableStreamDefaultReader<Uint8Array>;
}

const refuse = (rejection: PhotoRejection): never => {
  throw new PhotoError(rejection);
};

/**
 * Reads just enough of an image body to check it as a photo claim's image is checked — magic
 * bytes, size, dimensions — before anything is stored or decoded. `contentLength` is the declared
 * size: larger than 10 MB is refused before a byte is read.
 */
export async function startImageUpload(
  body: ReadableStream<Uint8Array>,
  contentLength: number,
): Promise<ImageUploadStart> {
  if (contentLength > MAX_IMAGE_BYTES) {
    refuse({
      code: "PAYLOAD_TOO_LARGE",
      message: `Image exceeds the maximum size of ${MAX_IMAGE_BYTES / (1024 * 1024)} MB`,
      details: { max_bytes: MAX_IMAGE_BYTES, bytes: contentLength },
    });
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let read = 0;
  const window = Math.min(contentLength, IMAGE_HEADER_WINDOW);
  while (read < window) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    read += value.byteLength;
  }
  if (read > contentLength || (read < window && read < contentLength)) {
    await reader.cancel().catch(() => undefined);
    refuse({
      code: "VALIDATION_ERROR",
      message: `The body is ${read < contentLength ? "shorter" : "longer"} than its Content-Length (${contentLength} bytes)`,
      details: { content_length: contentLength },
    });
  }
  const prefix = new Uint8Array(read);
  let offset = 0;
  for (const chunk of chunks) {
    prefix.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const checked = inspectImage(prefix);
  if (!checked.ok) {
    await reader.cancel().catch(() => undefined);
    refuse(checked.error);
  }
  return { header: (checked as { ok: true; value: ImageHeader }).value, prefix, rest: reader };
}

/**
 * Streams the checked image into R2 (the header window, then the rest as it arrives) through a
 * fixed-length stream: a body shorter or longer than declared fails the put and stores nothing.
 */
export async function streamImageToBucket(
  bucket: R2Bucket,
  key: string,
  upload: ImageUploadStart,
  contentLength: number,
): Promise<void> {
  const { readable, writable } = new FixedLengthStream(contentLength);
  const writer = writable.getWriter();
  const copy = (async () => {
    try {
      await writer.write(upload.prefix);
      while (true) {
        const { done, value } = await upload.rest.read();
        if (done) break;
        await writer.write(value);
      }
      await writer.close();
    } catch (error) {
      await writer.abort(error).catch(() => undefined);
      await upload.rest.cancel().catch(() => undefined);
      throw error;
    }
  })();
  const put = bucket.put(key, readable, { httpMetadata: { contentType: upload.header.mimeType } });
  const [copied, stored] = await Promise.allSettled([copy, put]);
  if (copied.status === "rejected" || stored.status === "rejected") {
    await bucket.delete(key).catch(() => undefined);
    throw copied.status === "rejected" ? copied.reason : (stored as PromiseRejectedResult).reason;
  }
}
