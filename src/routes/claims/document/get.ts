import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { withVisibility } from "../../../claims/scope";
import { claims, ROLES } from "../../../db/schema";
import { attachmentDisposition } from "../../../domain/http/content-disposition";
import { ApiError } from "../../../errors/api-error";
import type { Api } from "../../api";
import { binaryFile } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { claimIdParams } from "../schema";

export const getClaimDocumentRoute = protectedRoute({
  method: "get",
  path: "/claims/{id}/document",
  tags: ["document claims"],
  summary: "Download the claim's original PDF",
  roles: ROLES,
  request: { params: claimIdParams },
  responses: {
    200: {
      description: "The PDF as uploaded",
      content: { "application/pdf": { schema: z.any().openapi(binaryFile) } },
    },
  },
  errors: { 404: "No such claim or document, or not one the caller may see (CLAIM_NOT_FOUND)" },
});

export const registerGetClaimDocument = (app: Api) =>
  app.openapi(getClaimDocumentRoute, async (c) => {
    const { id } = c.req.valid("param");
    const claim = await c.get("db").query.claims.findFirst({ where: withVisibility(c.get("user"), eq(claims.id, id)) });
    const object = claim?.documentKey ? await c.env.DOCUMENTS.get(claim.documentKey) : null;
    if (!claim || !object) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found or has no document`);
    return c.body(object.body, 200, {
      "content-type": "application/pdf",
      "content-length": String(object.size),
      "content-disposition": attachmentDisposition(claim.documentFilename, "claim.pdf"),
    });
  });
