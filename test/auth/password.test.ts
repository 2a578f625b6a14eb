import { describe, expect, it } from "vitest";
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from "../../src/auth/password";

describe("password hashing", () => {
  it("stays within the Workers PBKDF2 cap of 100,000 iterations", async () => {
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000);
    const stored = await hashPassword("secret-one");
    expect(stored.split("$")[1]).toBe(String(PBKDF2_ITERATIONS));
  });

  it("salts every hash and verifies only the right password", async () => {
    const a = await hashPassword("same-password");
    const b = await hashPassword("same-password");
    expect(a).not.toBe(b);
    expect(await verifyPassword("same-password", a)).toBe(true);
    expect(await verifyPassword("same-password", b)).toBe(true);
    expect(await verifyPassword("Same-password", a)).toBe(false);
  });

  it.each([
    ["an empty string", ""],
    ["another scheme", "bcrypt$10$abc$def"],
    ["too many iterations", "pbkdf2-sha256$1000000$AAAA$AAAA"],
    ["a missing hash", "pbkdf2-sha256$100000$AAAA"],
  ])("refuses a stored hash that is %s", async (_, stored) => {
    expect(await verifyPassword("anything", stored)).toBe(false);
  });
});
