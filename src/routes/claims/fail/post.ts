import { z } from "@hono/zod-openapi";
import { failClaim, unfinished } from "../../../claims/documents/processing-state";
import { printableText } from "../../../domain/input-rules";
import type { Api } from "../../api";
import { jsonBody, jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { refuseProcessingAction } from "../processing-refusal";
import { claimIdParams } from "../schema";

const failRequest = z
  .object({ reason: printableText(500).min(3).openapi({ example: "The insured withdrew the claim" }) })
  .strict()
  .openapi("ClaimFailRequest");

export const claimFailedSchema = z
  .object({ claim_id: z.string(), status: z.literal("FAILED"), failure_reason: z.string(), updated_at: z.string() })
  .openapi("ClaimFailed");

export const postClaimFailRoute = protectedRoute({
  method: "post",
  path: "/claims/{id}/fail",
  tags: ["document claims"],
  summary: "Fail a stuck document claim (audited)",
  description:
    "For a claim PDF that is PENDING or PROCESSING: the claim becomes FAILED with the reason given. An attempt " +
    "still running finds its lease gone and writes nothing.",
  roles: ["admin"],
  request: { params: claimIdParams, body: jsonBody(failRequest) },
  responses: { 200: jsonResponse(claimFailedSchema, "Failed") },
  errors: {
    404: "No such claim (CLAIM_NOT_FOUND)",
    409: "Not a document claim, or already finished",
  },
});

export const registerPostClaimFail = (app: Api) =>
  app.openapi(postClaimFailRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    const user = c.get("user");
    const now = new Date().toISOString();
    const failureReason = `FAILED_BY_ADMINISTRATOR: ${reason}`;
    const who = { actor: { id: user.id, role: user.role }, requestId: c.get("requestId"), now };
    if (!(await failClaim(c.env.DB, id, failureReason, unfinished, who, "claim.failed_by_administrator")))
      await refuseProcessingAction(c.env.DB, id, "failed");
    return c.json({ claim_id: id, status: "FAILED" as const, failure_reason: failureReason, updated_at: now }, 200);
  });
