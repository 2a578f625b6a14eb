const keys = new Map<string, Promise<CryptoKey>>();

const hmacKey = (secret: string) => {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
    ]);
    keys.set(secret, key);
  }
  return key;
};

/**
 * A keyed hash of a personal number (HMAC-SHA256 under PII_HASH_KEY, hex): equal numbers give equal
 * hashes, so duplicates are found, but a stolen database cannot be brute-forced over the small
 * space of SSNs without the key.
 */
export async function piiHash(secret: string, kind: string, value: string): Promise<string> {
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(secret), new TextEncoder().encode(`${kind}:${value}`));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
