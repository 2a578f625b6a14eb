import { describe, expect, it } from "vitest";
import { decodeBase64Image, MAX_BASE64_CHARS } from "../../src/domain/photo/base64";
import { MAX_IMAGE_BYTES } from "../../src/domain/photo/limits";
import { jpegHeader, toBase64 } from "./bytes";

const bytes = jpegHeader({ width: 640, height: 480, exif: true });
const b64 = toBase64(bytes);
const unpadded = toBase64(bytes.subarray(0, 301)); // 301 % 3 === 1 → "=="

describe("decodeBase64Image: accepted", () => {
  it.each([
    ["plain", b64],
    ["data URL (jpeg)", `data:image/jpeg;base64,${b64}`],
    ["data URL (upper case, other mime)", `DATA:image/png;BASE64,${b64}`],
    ["MIME line breaks every 76 chars (CRLF)", b64.replace(/(.{76})/g, "$1\r\n")],
    ["spaces and tabs", ` \t${b64.slice(0, 100)} ${b64.slice(100)}\n`],
  ])("%s", (_name, text) => {
    const r = decodeBase64Image(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Array.from(r.value)).toEqual(Array.from(bytes));
  });

  it.each([
    ["padded ==", unpadded, 301],
    ["missing padding", unpadded.replace(/=+$/, ""), 301],
    ["one = pad", toBase64(bytes.subarray(0, 302)), 302],
    [
      "URL-safe alphabet",
      toBase64(Uint8Array.of(0xfb, 0xff, 0xbf))
        .replace(/\+/g, "-")
        .replace(/\//g, "_"),
      3,
    ],
  ])("%s", (_name, text, length) => {
    const r = decodeBase64Image(text);
    expect(r.ok && r.value.length).toBe(length);
  });

  it("standard and URL-safe spellings decode to the same bytes", () => {
    const r1 = decodeBase64Image("+/+/");
    const r2 = decodeBase64Image("-_-_");
    expect(r1.ok && Array.from(r1.value)).toEqual([0xfb, 0xff, 0xbf]);
    expect(r2.ok && Array.from(r2.value)).toEqual([0xfb, 0xff, 0xbf]);
  });
});

describe("decodeBase64Image: refused", () => {
  it.each([
    ["not a string", 42, "VALIDATION_ERROR"],
    ["missing", undefined, "VALIDATION_ERROR"],
    ["empty", "", "VALIDATION_ERROR"],
    ["whitespace only", " \n ", "VALIDATION_ERROR"],
    ["data URL without payload", "data:image/jpeg;base64,", "VALIDATION_ERROR"],
    ["invalid character", `${b64.slice(0, 40)}*${b64.slice(40)}`, "INVALID_IMAGE"],
    ["non-ASCII character", `${b64.slice(0, 40)}é${b64.slice(40)}`, "INVALID_IMAGE"],
    ["percent-encoded", encodeURIComponent(`${b64.slice(0, 40)}+/`), "INVALID_IMAGE"],
    ["padding in the middle", `${b64.slice(0, 40)}==${b64.slice(40)}`, "INVALID_IMAGE"],
    ["three padding chars", "QUJD===", "INVALID_IMAGE"],
    ["wrong padding count", "QUI=" + "=", "INVALID_IMAGE"],
    ["single leftover char", "QUJDR", "INVALID_IMAGE"],
    ["data URL not base64", "data:image/jpeg,%FF%D8", "INVALID_IMAGE"],
    ["hex with colons", "ff:d8:ff:e0", "INVALID_IMAGE"],
  ])("%s", (_name, text, code) => {
    const r = decodeBase64Image(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it("text longer than any 10 MB image could need is refused before decoding", () => {
    const r = decodeBase64Image("A".repeat(Math.ceil(MAX_BASE64_CHARS) + 1));
    expect(r).toMatchObject({ ok: false, error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("decoded bytes over 10 MB are refused", () => {
    const r = decodeBase64Image("A".repeat(Math.ceil(((MAX_IMAGE_BYTES + 3) * 4) / 3 / 4) * 4));
    expect(r).toMatchObject({ ok: false, error: { code: "PAYLOAD_TOO_LARGE" } });
  });
});
