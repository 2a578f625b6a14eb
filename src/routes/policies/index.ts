import type { Api } from "../api";
import { registerGetPolicy } from "./get";
import { registerPostPolicyImport } from "./import/post";

export function registerPolicyRoutes(app: Api): void {
  registerPostPolicyImport(app);
  registerGetPolicy(app);
}
