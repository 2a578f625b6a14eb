import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { authenticate } from "../../../auth/middleware";
import { withVisibility } from "../../../claims/scope";
import { claims } from "../../../db/schema";
import type { HonoEnv } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import { authErrors, bearerSecurity, errorResponse } from "../../shared/responses";

export const claimDocumentRoute = createRoute({
  method: "get",
  path: "/claims/{id}/document",
  tags: ["document claims"],
  summary: "Download the claim's original PDF",
  security: bearerSecurity,
  middleware: [authenticate] as const,
  request: { params: z.object({ id: z.string().min(1).max(128) }) },
  responses: {
    200: { description: "The PDF as uploaded", content: { "application/pdf": { schema: z.any().openapi({ type: "string", format: "binary" }) } } },
    ...authErrors,
    404: errorResponse("No such claim or document"),
  },
});

export const registerClaimDocument = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(claimDocumentRoute, async (c) => {
    const { id } = c.req.valid("param");
    const claim = await c.get("db").query.claims.findFirst({ where: withVisibility(c.get("user"), eq(claims.id, id)) });
    const object = claim?.documentKey ? await c.env.DOCUMENTS.get(claim.documentKey) : null;
    if (!claim || !object) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found or has no document`);
    return c.body(object.body, 200, {
      "content-type": "application/pdf",
      "content-length": String(object.size),
      "content-disposition": `attachment; filename="${claim.documentFilename ?? "claim.pdf"}"`,
    });
  });
