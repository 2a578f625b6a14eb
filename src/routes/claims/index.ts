import type { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "../../env";
import { registerCreateHealthClaim } from "./post";
import { registerDeleteClaim } from "./delete";
import { registerClaimDocument } from "./document/get";
import { registerGetClaim } from "./get";
import { registerListClaims } from "./list";
import { registerUpdateClaim } from "./update/put";
import { registerUpload } from "./upload/post";
import { registerOverride } from "./override/put";
import { registerValidate } from "./validate/post";

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
