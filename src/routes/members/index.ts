import type { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "../../env";
import { registerCreateMember } from "./post";
import { registerGetMember } from "./get";
import { registerListMembers } from "./list";
import { registerUpdateMember } from "./patch";

export function registerMemberRoutes(app: OpenAPIHono<HonoEnv>): void {
  registerCreateMember(app);
  registerListMembers(app);
  registerGetMember(app);
  registerUpdateMember(app);
}
