// Who may put which adjuster on a claim: the work queue's rules, as a pure decision.
import type { Channel, Role } from "../../db/schema";

export interface AssignmentRequest {
  actor: { id: string; role: Role };
  claim: { channel: Channel; assigneeId: string | null };
  /** The adjuster to assign, or null to put the claim back in the unassigned queue. */
  assigneeId: string | null;
}

export type AssignmentDecision =
  | { ok: true; assigneeId: string | null; changed: boolean }
  | { ok: false; code: "FORBIDDEN" | "CONFLICT"; message: string };

/** Channels an insurer may take from the unassigned queue; health claims reach one only through an admin. */
export const QUEUE_CHANNELS = ["document", "photo", "fnol"] as const satisfies readonly Channel[];

/**
 * Admins assign any claim to any adjuster, or unassign it. An adjuster takes an unassigned claim
 * for itself, or releases its own back to the queue; it never assigns anyone else and never takes
 * a claim another adjuster holds.
 */
export function decideAssignment({ actor, claim, assigneeId }: AssignmentRequest): AssignmentDecision {
  const unchanged = claim.assigneeId === assigneeId;
  if (actor.role === "admin") return { ok: true, assigneeId, changed: !unchanged };
  if (actor.role !== "insurer") return { ok: false, code: "FORBIDDEN", message: "Only staff assign claims" };
  if (assigneeId !== null && assigneeId !== actor.id) {
    return { ok: false, code: "FORBIDDEN", message: "An adjuster may take a claim only for itself" };
  }
  if (unchanged) return { ok: true, assigneeId, changed: false };
  if (assigneeId === null) {
    return claim.assigneeId === actor.id
      ? { ok: true, assigneeId: null, changed: true }
      : { ok: false, code: "FORBIDDEN", message: "An adjuster may release only its own claims" };
  }
  if (claim.assigneeId !== null) {
    return { ok: false, code: "CONFLICT", message: "The claim is already assigned to another adjuster" };
  }
  if (!(QUEUE_CHANNELS as readonly Channel[]).includes(claim.channel)) {
    return { ok: false, code: "FORBIDDEN", message: `${claim.channel} claims are assigned by an admin` };
  }
  return { ok: true, assigneeId, changed: true };
}
