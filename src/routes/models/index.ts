import type { Api } from "../api";
import { registerGetModel } from "./get";
import { registerGetTrainingJob } from "./jobs/get";
import { registerListModels } from "./list";
import { registerPostRetrain } from "./retrain/post";

export function registerModelRoutes(app: Api): void {
  registerListModels(app);
  registerPostRetrain(app);
  registerGetTrainingJob(app);
  registerGetModel(app);
}
