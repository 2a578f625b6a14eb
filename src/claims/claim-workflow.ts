import { z } from "@hono/zod-openapi";
import { type CurrentUser, isStaff } from "../auth/current-user";

/** Who works a claim, and the version its ETag names: common to every channel's view. */
export const claimWorkflowSchema = z
  .object({
    version: z.number().int().openapi({ description: "Bumped by every change; the ETag is this number in quotes" }),
    assignee: z
      .object({ id: z.string(), name: z.string(), email: z.string() })
      .nullable()
      .optional()
      .openapi({ description: "Staff only: the adjuster working the claim, null while it is in the unassigned queue" }),
  })
  .openapi("ClaimWorkflow");

export interface AssigneeRow {
  id: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

export function toClaimWorkflow(
  version: number,
  assignee: AssigneeRow | null,
  viewer: CurrentUser,
): z.infer<typeof claimWorkflowSchema> {
  if (!isStaff(viewer)) return { version };
  return {
    version,
    assignee: assignee?.id
      ? {
          id: assignee.id,
          name: `${assignee.firstName ?? ""} ${assignee.lastName ?? ""}`.trim(),
          email: assignee.email ?? "",
        }
      : null,
  };
}
