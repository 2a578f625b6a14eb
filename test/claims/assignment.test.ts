import { describe, expect, it } from "vitest";
import { type AssignmentRequest, decideAssignment } from "../../src/domain/claims/assignment";

const admin = { id: "admin-1", role: "admin" as const };
const ann = { id: "ann", role: "insurer" as const };
const customer = { id: "cust", role: "customer" as const };

describe("decideAssignment", () => {
  it.each<[string, AssignmentRequest, ReturnType<typeof decideAssignment>]>([
    [
      "an admin assigns an unassigned claim",
      { actor: admin, claim: { channel: "document", assigneeId: null }, assigneeId: "ann" },
      { ok: true, assigneeId: "ann", changed: true },
    ],
    [
      "an admin reassigns a health claim",
      { actor: admin, claim: { channel: "health", assigneeId: "bob" }, assigneeId: "ann" },
      { ok: true, assigneeId: "ann", changed: true },
    ],
    [
      "an admin unassigns",
      { actor: admin, claim: { channel: "photo", assigneeId: "bob" }, assigneeId: null },
      { ok: true, assigneeId: null, changed: true },
    ],
    [
      "an adjuster takes a queued document claim",
      { actor: ann, claim: { channel: "document", assigneeId: null }, assigneeId: "ann" },
      { ok: true, assigneeId: "ann", changed: true },
    ],
    [
      "an adjuster takes a queued photo claim",
      { actor: ann, claim: { channel: "photo", assigneeId: null }, assigneeId: "ann" },
      { ok: true, assigneeId: "ann", changed: true },
    ],
    [
      "taking a claim it already holds changes nothing",
      { actor: ann, claim: { channel: "photo", assigneeId: "ann" }, assigneeId: "ann" },
      { ok: true, assigneeId: "ann", changed: false },
    ],
    [
      "an adjuster releases its own claim",
      { actor: ann, claim: { channel: "document", assigneeId: "ann" }, assigneeId: null },
      { ok: true, assigneeId: null, changed: true },
    ],
  ])("%s", (_, request, expected) => {
    expect(decideAssignment(request)).toEqual(expected);
  });

  it.each<[string, AssignmentRequest, "FORBIDDEN" | "CONFLICT"]>([
    [
      "an adjuster assigns someone else",
      { actor: ann, claim: { channel: "document", assigneeId: null }, assigneeId: "bob" },
      "FORBIDDEN",
    ],
    [
      "an adjuster takes a claim another holds",
      { actor: ann, claim: { channel: "document", assigneeId: "bob" }, assigneeId: "ann" },
      "CONFLICT",
    ],
    [
      "an adjuster releases another's claim",
      { actor: ann, claim: { channel: "document", assigneeId: "bob" }, assigneeId: null },
      "FORBIDDEN",
    ],
    [
      "an adjuster takes a health claim (admins assign those)",
      { actor: ann, claim: { channel: "health", assigneeId: null }, assigneeId: "ann" },
      "FORBIDDEN",
    ],
    [
      "a customer assigns",
      { actor: customer, claim: { channel: "photo", assigneeId: null }, assigneeId: "cust" },
      "FORBIDDEN",
    ],
  ])("refuses: %s", (_, request, code) => {
    const decision = decideAssignment(request);
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.code).toBe(code);
  });
});
