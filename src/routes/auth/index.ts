import type { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "../../env";
import { registerLogin } from "./login/post";
import { registerMe } from "./me/get";
import { registerRegister } from "./register/post";
import { registerSession } from "./session/get";

export function registerAuthRoutes(app: OpenAPIHono<HonoEnv>): void {
  registerLogin(app);
  registerRegister(app);
  registerMe(app);
  registerSession(app);
}
