import type { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "../../env";
import { registerCreateMember } from "./create";
import { registerGetMember } from "./get";
import { registerListMembers } from "./list";
import { registerUpdateMember } from "./update";

export function registerMemberRoutes(app: OpenAPIHono<HonoEnv>): void {
  registerCreateMember(app);
  registerListMembers(app);
  registerGetMember(app);
  registerUpdateMember(app);
}
