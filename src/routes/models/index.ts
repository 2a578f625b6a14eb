import type { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "../../env";
import { registerGetModel } from "./get";
import { registerTrainingJob } from "./jobs/get";
import { registerListModels } from "./list";
import { registerRetrain } from "./retrain/post";

export function registerModelRoutes(app: OpenAPIHono<HonoEnv>): void {
  registerListModels(app);
  registerRetrain(app);
  registerTrainingJob(app);
  registerGetModel(app);
}
