import { fileClaim } from "../../../fnol/file-claim";
import { idempotent } from "../../../middleware/idempotency";
import type { Api } from "../../api";
import { jsonBody, jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { fnolClaimAcceptedSchema, fnolClaimRequestSchema } from "./schema";

export const postFnolClaimRoute = protectedRoute({
  method: "post",
  path: "/fnol/claims",
  tags: ["first notice of loss"],
  summary: "File a first notice of loss",
  description:
    "The claim is recorded with Claim.Requested and checked by its Workflow: the policy must be the customer's and " +
    "active at the occurrence, the occurrence not in the future, the licence number the one read from the customer's " +
    "licence → Claim.Accepted (with the damage-photo upload URL) or Claim.Rejected, pushed on the event stream. " +
    "Needs a verified email. An Idempotency-Key header makes a retried request file one claim.",
  roles: ["customer"],
  middleware: [idempotent],
  request: { body: jsonBody(fnolClaimRequestSchema) },
  responses: { 202: jsonResponse(fnolClaimAcceptedSchema, "Recorded; the decision follows as an event") },
  errors: {
    403: "The email is not verified yet",
    409: "The signup has not been accepted, or the Idempotency-Key was used with another body",
  },
});

export const registerPostFnolClaim = (app: Api) =>
  app.openapi(postFnolClaimRoute, async (c) => {
    const filed = await fileClaim(c.env, c.get("db"), c.get("user"), c.req.valid("json"), c.get("requestId"));
    c.executionCtx.waitUntil(filed.publishing);
    return c.json(
      {
        claim_id: filed.claimId,
        status: "REQUESTED" as const,
        message: "Claim received; its checks follow as events.",
      },
      202,
    );
  });
