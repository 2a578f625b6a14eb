import type { Api } from "../api";
import { registerPostLogin } from "./login/post";
import { registerGetMe } from "./me/get";
import { registerPostRegister } from "./register/post";
import { registerGetSession } from "./session/get";

export function registerAuthRoutes(app: Api): void {
  registerPostLogin(app);
  registerPostRegister(app);
  registerGetMe(app);
  registerGetSession(app);
}
