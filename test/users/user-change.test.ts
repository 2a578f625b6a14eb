import { describe, expect, it } from "vitest";
import { planUserChange, removesAnAdmin, type UserAccess } from "../../src/domain/users/user-change";

const admin: UserAccess = { role: "admin", active: true, providerId: null, customerId: null };
const hospital: UserAccess = { role: "provider", active: true, providerId: "H456", customerId: null };

describe("planUserChange", () => {
  it.each([
    { name: "promote an insurer", before: { ...admin, role: "insurer" }, change: { role: "admin" }, after: admin },
    {
      name: "a new role drops the old binding",
      before: hospital,
      change: { role: "insurer" },
      after: { ...hospital, role: "insurer", providerId: null },
    },
    {
      name: "rebind a provider user",
      before: hospital,
      change: { providerId: "H457" },
      after: { ...hospital, providerId: "H457" },
    },
    { name: "deactivate", before: admin, change: { active: false }, after: { ...admin, active: false } },
    {
      name: "become a customer with its id",
      before: admin,
      change: { role: "customer", customerId: "C1" },
      after: { ...admin, role: "customer", customerId: "C1" },
    },
  ] as const)("$name", ({ before, change, after }) => {
    expect(planUserChange(before as UserAccess, change)).toEqual({ ok: true, after, changed: true });
  });

  it.each([
    {
      name: "provider without provider id",
      before: admin,
      change: { role: "provider" },
      problem: /provider_id is required/,
    },
    {
      name: "customer without customer id",
      before: admin,
      change: { role: "customer" },
      problem: /customer_id is required/,
    },
    {
      name: "admin with a provider id",
      before: admin,
      change: { providerId: "H1" },
      problem: /provider_id is only allowed/,
    },
    {
      name: "unbind a provider user",
      before: hospital,
      change: { providerId: null },
      problem: /provider_id is required/,
    },
  ] as const)("refuses: $name", ({ before, change, problem }) => {
    const plan = planUserChange(before, change);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.problems.join("; ")).toMatch(problem);
  });

  it("reports no change when nothing differs", () => {
    expect(planUserChange(admin, { role: "admin", active: true })).toEqual({ ok: true, after: admin, changed: false });
  });
});

describe("removesAnAdmin", () => {
  it.each([
    { before: admin, after: { ...admin, active: false }, removes: true },
    { before: admin, after: { ...admin, role: "insurer" }, removes: true },
    { before: admin, after: admin, removes: false },
    { before: { ...admin, active: false }, after: { ...admin, active: false, role: "insurer" }, removes: false },
    { before: { ...admin, role: "insurer" }, after: { ...admin, role: "insurer", active: false }, removes: false },
  ] as const)("$before.role/$before.active → $after.role/$after.active: $removes", ({ before, after, removes }) => {
    expect(removesAnAdmin(before as UserAccess, after as UserAccess)).toBe(removes);
  });
});
