import type { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "../../env";
import { registerDiagnosisRoutes } from "./code-set/post";
import { registerCodeImports } from "./code-set/import/post";
import { registerProcedureRoutes } from "./procedures";
import { registerRuleRoutes } from "./rules/post";

export function registerCodeRoutes(app: OpenAPIHono<HonoEnv>): void {
  registerDiagnosisRoutes(app);
  registerProcedureRoutes(app);
  registerCodeImports(app);
  registerRuleRoutes(app);
}
