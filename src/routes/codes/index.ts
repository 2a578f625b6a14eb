import type { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "../../env";
import { registerDiagnosisRoutes } from "./diagnoses";
import { registerCodeImports } from "./import";
import { registerProcedureRoutes } from "./procedures";
import { registerRuleRoutes } from "./rules";

export function registerCodeRoutes(app: OpenAPIHono<HonoEnv>): void {
  registerDiagnosisRoutes(app);
  registerProcedureRoutes(app);
  registerCodeImports(app);
  registerRuleRoutes(app);
}
