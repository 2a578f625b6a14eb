import type { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "../../env";
import { registerCreateHealthClaim } from "./create-health";
import { registerDeleteClaim } from "./delete";
import { registerClaimDocument } from "./document";
import { registerGetClaim } from "./get";
import { registerListClaims } from "./list";
import { registerUpdateClaim } from "./update";
import { registerUpload } from "./upload";
import { registerOverride } from "./override";
import { registerValidate } from "./validate";

export function registerClaimRoutes(app: OpenAPIHono<HonoEnv>): void {
  registerCreateHealthClaim(app);
  registerUpload(app);
  registerValidate(app);
  registerOverride(app);
  registerListClaims(app);
  registerGetClaim(app);
  registerClaimDocument(app);
  registerUpdateClaim(app);
  registerDeleteClaim(app);
}
