import { ok, type PhotoResult, reject } from "./errors";
import { MAX_IMAGE_BYTES } from "./limits";

// Lookup: 0..63 = sextet, WS = ignorable whitespace, BAD = not base64. Both alphabets are
// accepted (standard "+/" and URL-safe "-_") because mobile SDKs emit either.
const WS = -2;
const BAD = -1;
const SEXTET = new Int8Array(256).fill(BAD);
for (const [i, ch] of [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].entries()) {
  SEXTET[ch.charCodeAt(0)] = i;
}
SEXTET["-".charCodeAt(0)] = 62;
SEXTET["_".charCodeAt(0)] = 63;
for (const ch of [" ", "\t", "\n", "\r", "\f", "\v"]) SEXTET[ch.charCodeAt(0)] = WS;
const PAD = "=".charCodeAt(0);

/** Longest base64 text we even look at: 4/3 of the byte limit plus generous room for line breaks and a data: prefix. */
export const MAX_BASE64_CHARS = Math.ceil((MAX_IMAGE_BYTES * 4) / 3) * 1.1 + 256;

const DATA_URL = /^\s*data:([^,;]*)((?:;[^,;]*)*),/i;

/**
 * Decodes the `image` field of POST /claims/validate. Tolerates a `data:image/...;base64,`
 * prefix, whitespace and line breaks anywhere, and missing trailing padding; rejects any
 * other character, misplaced `=`, and impossible lengths (INVALID_IMAGE).
 */
export function decodeBase64Image(input: unknown): PhotoResult<Uint8Array> {
  if (typeof input !== "string" || input.trim() === "") {
    return reject("VALIDATION_ERROR", "Field 'image' is required and must be a base64 string", { field: "image" });
  }
  if (input.length > MAX_BASE64_CHARS) {
    return reject("PAYLOAD_TOO_LARGE", tooLargeMessage(), { max_bytes: MAX_IMAGE_BYTES });
  }

  let start = 0;
  const prefix = DATA_URL.exec(input.slice(0, 256));
  if (prefix) {
    if (!/;base64$/i.test(prefix[2] ?? "")) {
      return reject("INVALID_IMAGE", "Image data URL must be base64-encoded (';base64,')");
    }
    start = prefix[0].length;
  }

  const out = new Uint8Array(Math.floor(((input.length - start) * 3) / 4) + 3);
  let o = 0;
  let acc = 0;
  let sextets = 0;
  let pads = 0;
  for (let i = start; i < input.length; i++) {
    const c = input.charCodeAt(i);
    const v = c < 256 ? SEXTET[c]! : BAD;
    if (v >= 0) {
      if (pads > 0) return invalidBase64("data after '=' padding");
      acc = (acc << 6) | v;
      if (++sextets % 4 === 0) {
        out[o++] = (acc >> 16) & 0xff;
        out[o++] = (acc >> 8) & 0xff;
        out[o++] = acc & 0xff;
        acc = 0;
      }
    } else if (v === WS) {
    } else if (c === PAD) {
      if (++pads > 2) return invalidBase64("too much '=' padding");
    } else {
      return invalidBase64(`invalid character at position ${i}`);
    }
  }

  const tail = sextets % 4;
  if (tail === 1) return invalidBase64("truncated data");
  if (pads > 0 && (sextets + pads) % 4 !== 0) return invalidBase64("wrong '=' padding");
  if (tail === 2) out[o++] = (acc >> 4) & 0xff;
  if (tail === 3) {
    out[o++] = (acc >> 10) & 0xff;
    out[o++] = (acc >> 2) & 0xff;
  }
  if (o === 0) return reject("VALIDATION_ERROR", "Field 'image' is empty", { field: "image" });
  if (o > MAX_IMAGE_BYTES)
    return reject("PAYLOAD_TOO_LARGE", tooLargeMessage(), { max_bytes: MAX_IMAGE_BYTES, bytes: o });
  return ok(out.subarray(0, o));
}

function invalidBase64(why: string): PhotoResult<never> {
  return reject("INVALID_IMAGE", "Image is not valid base64", { reason: why });
}

function tooLargeMessage(): string {
  return `Image exceeds the maximum size of ${MAX_IMAGE_BYTES / (1024 * 1024)} MB`;
}
