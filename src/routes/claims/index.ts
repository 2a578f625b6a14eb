import type { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "../../env";
import { registerCreateHealthClaim } from "./create-health";
import { registerGetClaim } from "./get";
import { registerListClaims } from "./list";

export function registerClaimRoutes(app: OpenAPIHono<HonoEnv>): void {
  registerCreateHealthClaim(app);
  registerListClaims(app);
  registerGetClaim(app);
}
