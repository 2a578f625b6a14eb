// Stream decryption for PDFs protected by the standard security handler with an empty user
// password (an "owner password only" PDF opens without asking, so pdf.js reads it and the
// structure check must see its streams decrypted too). RC4 and AES-128 (revisions 2–4) and
// AES-256 (revisions 5–6). A PDF that needs a user password is refused before this.
import { md5 } from "./md5";
import { PdfDict, PdfName, PdfString, type PdfValue } from "./pdf-syntax";

const PASSWORD_PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00,
  0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

export type StreamDecryptor = (num: number, gen: number, data: Uint8Array) => Promise<Uint8Array>;

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256).map((_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const aesKey = (raw: Uint8Array, use: "encrypt" | "decrypt") =>
  crypto.subtle.importKey("raw", raw, "AES-CBC", false, [use]);

/** AES-CBC without padding (Web Crypto only does PKCS#7): `data` must be whole blocks. */
async function aesCbcNoPadding(
  mode: "encrypt" | "decrypt",
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
): Promise<Uint8Array> {
  if (mode === "encrypt") {
    const out = new Uint8Array(
      await crypto.subtle.encrypt({ name: "AES-CBC", iv }, await aesKey(key, "encrypt"), data),
    );
    return out.subarray(0, data.length);
  }
  // Append a block that decrypts to a full padding block, so Web Crypto's unpadding removes only it.
  const last = data.subarray(data.length - 16);
  const filler = (await aesCbcNoPadding("encrypt", key, last, new Uint8Array(16).fill(16))).subarray(0, 16);
  const joined = new Uint8Array(data.length + 16);
  joined.set(data);
  joined.set(filler, data.length);
  return new Uint8Array(await crypto.subtle.decrypt({ name: "AES-CBC", iv }, await aesKey(key, "decrypt"), joined));
}

async function aesDecryptStream(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const body = data.subarray(16, 16 + Math.floor((data.length - 16) / 16) * 16);
  if (data.length < 32 || body.length === 0) return new Uint8Array(0);
  const plain = await aesCbcNoPadding("decrypt", key, data.subarray(0, 16), body);
  const pad = plain[plain.length - 1]!;
  return pad >= 1 && pad <= 16 ? plain.subarray(0, plain.length - pad) : plain;
}

const bytesOf = (v: PdfValue | undefined) => (v instanceof PdfString ? v.bytes : new Uint8Array(0));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const sha = async (name: "SHA-256" | "SHA-384" | "SHA-512", data: Uint8Array) =>
  new Uint8Array(await crypto.subtle.digest(name, data));

/** ISO 32000-2 algorithm 2.B, for the empty password. */
async function hardenedHash(salt: Uint8Array, userKey: Uint8Array): Promise<Uint8Array> {
  let k = await sha("SHA-256", concat(salt, userKey));
  for (let round = 0; ; round++) {
    const k1 = concat(...Array.from({ length: 64 }, () => concat(k, userKey)));
    const e = await aesCbcNoPadding("encrypt", k.subarray(0, 16), k.subarray(16, 32), k1);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i]!;
    k = await sha(sum % 3 === 0 ? "SHA-256" : sum % 3 === 1 ? "SHA-384" : "SHA-512", e);
    if (round >= 63 && e[e.length - 1]! <= round - 31) return k.subarray(0, 32);
  }
}

/**
 * A function that decrypts one stream, for the file's /Encrypt dictionary and first /ID
 * string; undefined when the handler is not the standard one (such streams stay unmeasured).
 */
export async function streamDecryptor(encrypt: PdfDict, firstId: Uint8Array): Promise<StreamDecryptor | undefined> {
  if (encrypt.name("Filter") !== "Standard") return undefined;
  const v = encrypt.number("V") ?? 0;
  const r = encrypt.number("R") ?? 2;
  const o = bytesOf(encrypt.get("O"));
  const u = bytesOf(encrypt.get("U"));
  let method = v >= 4 ? "AESV2" : "V2";
  if (v >= 4) {
    const streamFilter = encrypt.name("StmF") ?? "Identity";
    if (streamFilter === "Identity") return async (_n, _g, data) => data;
    const cf = encrypt.get("CF");
    const entry = cf instanceof PdfDict ? cf.get(streamFilter) : undefined;
    const cfm = entry instanceof PdfDict ? entry.get("CFM") : undefined;
    method = cfm instanceof PdfName ? cfm.name : "V2";
  }
  if (r >= 5) {
    const userKeySalt = u.subarray(40, 48);
    const intermediate =
      r === 5 ? await sha("SHA-256", userKeySalt) : await hardenedHash(userKeySalt, new Uint8Array(0));
    const fileKey = await aesCbcNoPadding(
      "decrypt",
      intermediate,
      new Uint8Array(16),
      bytesOf(encrypt.get("UE")).subarray(0, 32),
    );
    return async (_n, _g, data) => aesDecryptStream(fileKey, data);
  }
  const n = r === 2 ? 5 : Math.min(16, Math.max(5, (encrypt.number("Length") ?? 40) / 8));
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, encrypt.number("P") ?? 0, true);
  const noMetadata =
    r >= 4 && encrypt.get("EncryptMetadata") === false ? Uint8Array.from([255, 255, 255, 255]) : new Uint8Array(0);
  let key = md5(PASSWORD_PAD, o.subarray(0, 32), p, firstId, noMetadata).subarray(0, n);
  if (r >= 3) for (let i = 0; i < 50; i++) key = md5(key).subarray(0, n);
  const aes = method === "AESV2";
  return async (num, gen, data) => {
    const objectKey = md5(
      key,
      Uint8Array.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, gen & 255, (gen >> 8) & 255]),
      aes ? Uint8Array.from([0x73, 0x41, 0x6c, 0x54]) : new Uint8Array(0),
    ).subarray(0, Math.min(16, n + 5));
    return aes ? aesDecryptStream(objectKey, data) : rc4(objectKey, data);
  };
}
