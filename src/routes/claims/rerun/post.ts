import { z } from "@hono/zod-openapi";
import { rerunClaim } from "../../../claims/documents/processing-state";
import { documentKey } from "../../../claims/documents/storage";
import { ApiError } from "../../../errors/api-error";
import type { Api } from "../../api";
import { jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { refuseProcessingAction } from "../processing-refusal";
import { claimIdParams } from "../schema";

export const claimRerunSchema = z
  .object({
    claim_id: z.string(),
    status: z.literal("PENDING"),
    processing_attempts: z.number().int(),
    status_url: z.string(),
  })
  .openapi("ClaimRerun");

export const postClaimRerunRoute = protectedRoute({
  method: "post",
  path: "/claims/{id}/rerun",
  tags: ["document claims"],
  summary: "Re-run a stuck or failed document claim (audited)",
  description:
    "For a claim PDF that is PENDING, FAILED, or PROCESSING under an expired lease (its attempt died): the claim " +
    "goes back to PENDING with a fresh count of attempts and is queued again. A claim an attempt still holds, or " +
    "one already read, answers 409.",
  roles: ["admin"],
  request: { params: claimIdParams },
  responses: { 202: jsonResponse(claimRerunSchema, "Queued again") },
  errors: {
    404: "No such claim (CLAIM_NOT_FOUND)",
    409: "Not a document claim, already read, or held by a running attempt",
    500: "STORAGE_ERROR: the claim is PENDING but could not be queued; the recovery job queues it",
  },
});

export const registerPostClaimRerun = (app: Api) =>
  app.openapi(postClaimRerunRoute, async (c) => {
    const { id } = c.req.valid("param");
    const user = c.get("user");
    const now = new Date().toISOString();
    const who = { actor: { id: user.id, role: user.role }, requestId: c.get("requestId"), now };
    if (!(await rerunClaim(c.env.DB, id, who))) await refuseProcessingAction(c.env.DB, id, "re-run");
    try {
      await c.env.CLAIM_DOCUMENTS_QUEUE.send({ claimId: id, documentKey: documentKey(id) });
    } catch {
      throw new ApiError(
        "STORAGE_ERROR",
        "The claim is PENDING but could not be queued; the recovery job will queue it",
      );
    }
    return c.json(
      { claim_id: id, status: "PENDING" as const, processing_attempts: 0, status_url: `/api/v1/claims/${id}` },
      202,
    );
  });
