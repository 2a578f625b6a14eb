import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loginAttempt } from "../../../src/auth/login-throttle";
import {
  ACCOUNT_SLOWDOWN_FAILURES,
  FREE_FAILURES,
  LOCK_FAILURES,
} from "../../../src/domain/auth/login-throttle-policy";
import { api, createUser, expectError, uniqueIp } from "../../helpers";
import { withinOneRateWindow } from "../../rate-window";

const login = (email: string, password: string, ip: string) =>
  api("/api/v1/auth/login", { method: "POST", body: { email, password }, ip });

/** Puts a pair one failure short of its lock, its last failure long enough ago not to be waited for. */
async function pairAboutToLock(email: string, ip: string) {
  const { pairKey } = await loginAttempt(env, email, ip);
  await env.DB.prepare(
    "INSERT INTO login_throttles (key, failures, window_started_at, last_failure_at) VALUES (?, ?, ?, ?)",
  )
    .bind(pairKey, LOCK_FAILURES - 1, Date.now() - 120_000, Date.now() - 61_000)
    .run();
}

describe("login throttling", () => {
  it("a hospital behind one address keeps logging in while one of its accounts is attacked from it", async () => {
    const nat = uniqueIp();
    const [victim, ...colleagues] = await Promise.all(Array.from({ length: 8 }, () => createUser("provider")));
    await pairAboutToLock(victim!.email, nat);
    await expectError(await login(victim!.email, "wrong", nat), 401, "UNAUTHORIZED");
    const locked = await login(victim!.email, victim!.password, nat);
    await expectError(locked, 429, "RATE_LIMITED");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    for (const user of colleagues) {
      for (let i = 0; i < FREE_FAILURES - 1; i++) await login(user.email, "typo", nat);
      expect((await login(user.email, user.password, nat)).status, user.email).toBe(200);
    }
  });

  it("a stranger's failures never lock the owner out: a lock holds for the stranger's address only", async () => {
    const owner = await createUser("insurer");
    const stranger = uniqueIp();
    await pairAboutToLock(owner.email, stranger);
    await login(owner.email, "guess", stranger);
    await expectError(await login(owner.email, owner.password, stranger), 429, "RATE_LIMITED");
    expect((await login(owner.email, owner.password, uniqueIp())).status).toBe(200);
  });

  it("slows a pair down after a few failures instead of locking it", async () => {
    const user = await createUser("customer");
    const ip = uniqueIp();
    for (let i = 0; i < FREE_FAILURES; i++)
      await expectError(await login(user.email, "wrong", ip), 401, "UNAUTHORIZED");
    const slowed = await login(user.email, user.password, ip);
    const body = await expectError(slowed, 429, "RATE_LIMITED");
    expect(slowed.headers.get("retry-after")).toBe("1");
    expect(body.error.details).toMatchObject({ reason: "pair_slowed" });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await login(user.email, user.password, ip)).status).toBe(200);
  });

  it("never locks the owner's usual address, even when a stranger shares it", async () => {
    const owner = await createUser("insurer");
    const office = uniqueIp();
    expect((await login(owner.email, owner.password, office)).status).toBe(200);
    await pairAboutToLock(owner.email, office);
    await login(owner.email, "stranger-guess", office);
    const { pairKey } = await loginAttempt(env, owner.email, office);
    const row = await env.DB.prepare("SELECT failures, locked_until FROM login_throttles WHERE key = ?")
      .bind(pairKey)
      .first<{ failures: number; locked_until: number | null }>();
    expect(row).toEqual({ failures: LOCK_FAILURES, locked_until: null });
  });

  it("under a distributed attack slows unknown addresses, while the owner's known address still works", async () => {
    const owner = await createUser("admin");
    const home = uniqueIp();
    expect((await login(owner.email, owner.password, home)).status).toBe(200);
    await withinOneRateWindow(15);
    for (let i = 0; i < ACCOUNT_SLOWDOWN_FAILURES; i++) await login(owner.email, `guess-${i}`, uniqueIp());
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push((await login(owner.email, `guess-more-${i}`, uniqueIp())).status);
    expect(answers).toContain(429);
    expect((await login(owner.email, owner.password, home)).status).toBe(200);
  });

  it("puts a ceiling on one address across accounts (a NAT's worth, then 429 for a minute)", async () => {
    const ip = uniqueIp();
    const statuses: number[] = [];
    await withinOneRateWindow(20);
    for (let i = 0; i < 100; i++)
      statuses.push((await login(`nobody-${i}-${crypto.randomUUID().slice(0, 6)}@x.test`, "guess", ip)).status);
    expect(statuses.slice(0, 100).every((status) => status === 401)).toBe(true);
    const over = await login("someone@x.test", "guess", ip);
    await expectError(over, 429, "RATE_LIMITED");
    expect(over.headers.get("retry-after")).toBe("60");
  });

  it("counts concurrent failures without losing any", async () => {
    const user = await createUser("insurer");
    await Promise.all(Array.from({ length: 5 }, () => login(user.email, "wrong", uniqueIp())));
    const row = await env.DB.prepare("SELECT failures FROM login_throttles WHERE key = ?")
      .bind(`account:${user.email}`)
      .first<{ failures: number }>();
    expect(row!.failures).toBe(5);
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const body = await expectError(await login("ghost@claimsedge.test", "whatever", uniqueIp()), 401, "UNAUTHORIZED");
    expect(body.error.message).toBe("Invalid email or password");
  });
});
