// Signed upload URLs: "<grant id>.<expiry, unix seconds>.<HMAC-SHA256>", the Workers counterpart
// of an S3 pre-signed PUT. The signature rejects forged or altered tokens without a database
// read; the grant row (single use, bound to a customer and a purpose) is the authority.

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

/** An HMAC key derived from the JWT secret for this one purpose (HKDF), so the two never sign the same thing. */
function signingKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle
      .importKey("raw", encoder.encode(secret), "HKDF", false, ["deriveKey"])
      .then((base) =>
        crypto.subtle.deriveKey(
          { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: encoder.encode("claimsedge upload urls v1") },
          base,
          { name: "HMAC", hash: "SHA-256", length: 256 },
          false,
          ["sign", "verify"],
        ),
      );
    keys.set(secret, key);
  }
  return key;
}

const toBase64Url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

function fromBase64Url(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

const TOKEN = /^([0-9a-f-]{36})\.(\d{10})\.([A-Za-z0-9_-]{43})$/;

export async function signUploadToken(secret: string, grantId: string, expiresAt: Date): Promise<string> {
  const payload = `${grantId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  const signature = await crypto.subtle.sign("HMAC", await signingKey(secret), encoder.encode(payload));
  return `${payload}.${toBase64Url(signature)}`;
}

export type TokenCheck =
  | { ok: true; grantId: string }
  | { ok: false; reason: "MALFORMED" | "BAD_SIGNATURE" | "EXPIRED" };

/** Checks shape, signature (constant time) and expiry; the grant itself is checked in D1 after. */
export async function verifyUploadToken(secret: string, token: string, now = Date.now()): Promise<TokenCheck> {
  const match = TOKEN.exec(token);
  const signature = match ? fromBase64Url(match[3]!) : undefined;
  if (!match || !signature) return { ok: false, reason: "MALFORMED" };
  const valid = await crypto.subtle.verify(
    "HMAC",
    await signingKey(secret),
    signature,
    encoder.encode(`${match[1]}.${match[2]}`),
  );
  if (!valid) return { ok: false, reason: "BAD_SIGNATURE" };
  if (Number(match[2]) * 1000 <= now) return { ok: false, reason: "EXPIRED" };
  return { ok: true, grantId: match[1]! };
}
