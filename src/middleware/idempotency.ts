import { and, eq, isNull, lt } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { idempotencyKeys } from "../db/schema";
import type { HonoEnv } from "../env";
import { ApiError } from "../errors/api-error";

const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,255}$/;
// A request that died mid-flight releases its key after this long.
const LOCK_TTL_MS = 60_000;

/**
 * Stripe's Idempotency-Key semantics for a POST: the first successful response is stored and
 * replayed for the same key; the same key with another body is a 409; a request that fails
 * (validation or otherwise) stores nothing, so it can be retried with the same key.
 */
export const idempotent = createMiddleware<HonoEnv>(async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (key === undefined) return next();
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError(
      "VALIDATION_ERROR",
      "Idempotency-Key must be 1-255 characters of letters, digits, '.', '_', ':' or '-'",
    );
  }
  const db = c.get("db");
  const userId = c.get("user").id;
  const requestHash = await fingerprint(c.req.method, c.req.path, await c.req.arrayBuffer());
  const now = Date.now();

  const claimed = await db
    .insert(idempotencyKeys)
    .values({ userId, key, requestHash, lockedAt: now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.key],
      set: { requestHash, lockedAt: now },
      // Take over only an abandoned, unfinished attempt with the same body.
      setWhere: and(
        eq(idempotencyKeys.requestHash, requestHash),
        lt(idempotencyKeys.lockedAt, now - LOCK_TTL_MS),
        isNull(idempotencyKeys.responseStatus),
      ),
    })
    .returning({ userId: idempotencyKeys.userId });

  if (claimed.length === 0) {
    const existing = await db.query.idempotencyKeys.findFirst({
      where: and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)),
    });
    if (!existing) throw new ApiError("CONFLICT", "Idempotency-Key is being released; retry");
    if (existing.requestHash !== requestHash) {
      throw new ApiError("CONFLICT", "Idempotency-Key was already used with a different request body", {
        details: { key },
      });
    }
    if (existing.responseStatus === null || existing.responseBody === null) {
      throw new ApiError("CONFLICT", "A request with this Idempotency-Key is still in progress", { details: { key } });
    }
    c.header("Idempotent-Replayed", "true");
    return c.body(existing.responseBody, existing.responseStatus as 200, { "content-type": "application/json" });
  }

  const release = () =>
    db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  try {
    await next();
  } catch (err) {
    await release();
    throw err;
  }
  if (c.res.status >= 200 && c.res.status < 300) {
    const body = await c.res.clone().text();
    await db
      .update(idempotencyKeys)
      // The created resource's path: deleting the resource deletes the record that would replay it.
      .set({ responseStatus: c.res.status, responseBody: body, resourcePath: c.res.headers.get("location") })
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  } else {
    await release();
  }
});

// Reads the body as bytes (Hono caches it, so the route's own parser still works, binary included).
async function fingerprint(method: string, path: string, body: ArrayBuffer): Promise<string> {
  let canonical: Uint8Array = new Uint8Array(body);
  try {
    canonical = new TextEncoder().encode(JSON.stringify(sortKeys(JSON.parse(new TextDecoder().decode(body)))));
  } catch {
    // not JSON: compare the raw bytes
  }
  const prefix = new TextEncoder().encode(`${method} ${path}\n`);
  const message = new Uint8Array(prefix.length + canonical.length);
  message.set(prefix);
  message.set(canonical, prefix.length);
  const digest = await crypto.subtle.digest("SHA-256", message);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
