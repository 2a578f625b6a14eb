import type { CurrentUser } from "../auth/current-user";
import type { claims } from "../db/schema";
import { ApiError } from "../errors/api-error";

type Claim = Pick<typeof claims.$inferSelect, "id" | "ownerUserId" | "assignedInsurerId">;

/**
 * An adjuster sees the unassigned queue but acts only on its own caseload: it takes a claim
 * (PUT /claims/{id}/assignee) before deciding, correcting or overriding it.
 */
export function requireCaseload(user: CurrentUser, claim: Claim): void {
  if (user.role !== "insurer") return;
  if (claim.ownerUserId === user.id || claim.assignedInsurerId === user.id) return;
  throw new ApiError(
    "CONFLICT",
    `Claim ${claim.id} is in the unassigned queue: assign it to yourself before acting on it`,
    { details: { assignee_id: claim.assignedInsurerId, take_with: `PUT /api/v1/claims/${claim.id}/assignee` } },
  );
}
