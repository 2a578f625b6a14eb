import type { Api } from "../api";
import { registerDeleteUser } from "./delete";
import { registerListUsers } from "./list";
import { registerPatchUser } from "./patch";

export function registerUserRoutes(app: Api): void {
  registerListUsers(app);
  registerPatchUser(app);
  registerDeleteUser(app);
}
