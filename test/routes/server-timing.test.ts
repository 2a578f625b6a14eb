import { describe, expect, it } from "vitest";
import { api, createUser } from "../helpers";

const entries = (header: string | null) =>
  Object.fromEntries(
    (header ?? "").split(",").map((part) => {
      const [name, ...params] = part.trim().split(";");
      const dur = params.find((p) => p.startsWith("dur="));
      return [name, dur ? Number(dur.slice(4)) : undefined];
    }),
  );

describe("Server-Timing on API responses", () => {
  it("gives an authenticated call the Worker's total and the authentication's own time", async () => {
    const user = await createUser("customer");
    const res = await api("/api/v1/auth/me", { token: user.token });
    expect(res.status).toBe(200);
    const timing = entries(res.headers.get("server-timing"));
    expect(timing.auth).toBeGreaterThanOrEqual(0);
    expect(timing.total).toBeGreaterThanOrEqual(timing.auth!);
  });

  it("times a refused call too, and says nothing but durations", async () => {
    const res = await api("/api/v1/auth/me", { token: "not.a-valid.token" });
    expect(res.status).toBe(401);
    const header = res.headers.get("server-timing") ?? "";
    expect(Object.keys(entries(header)).sort()).toEqual(["auth", "total"]);
    expect(header).not.toMatch(/token|user|session/i);
  });
});
