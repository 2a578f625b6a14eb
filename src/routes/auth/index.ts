import type { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "../../env";
import { registerLogin } from "./login";
import { registerMe } from "./me";
import { registerRegister } from "./register";
import { registerSession } from "./session";

export function registerAuthRoutes(app: OpenAPIHono<HonoEnv>): void {
  registerLogin(app);
  registerRegister(app);
  registerMe(app);
  registerSession(app);
}
