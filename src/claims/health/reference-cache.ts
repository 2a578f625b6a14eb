// Providers, codes and pairing rules change rarely and are read by every health claim, so an
// isolate keeps what it read for a short while. Writes through this isolate clear it at once;
// other isolates see a change within REFERENCE_TTL_MS.
export const REFERENCE_TTL_MS = 30_000;

const entries = new Map<string, { value: unknown; expires: number }>();

export function cachedReference<T>(key: string, now = Date.now()): { hit: true; value: T } | { hit: false } {
  const entry = entries.get(key);
  if (!entry || entry.expires <= now) return { hit: false };
  return { hit: true, value: entry.value as T };
}

export function rememberReference(key: string, value: unknown, now = Date.now()): void {
  entries.set(key, { value, expires: now + REFERENCE_TTL_MS });
}

/** Called by every route that changes providers, codes or rules. */
export function forgetReferenceData(): void {
  entries.clear();
}
