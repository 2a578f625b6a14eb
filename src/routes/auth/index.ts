import type { Api } from "../api";
import { registerPostLogin } from "./login/post";
import { registerPostLogout } from "./logout/post";
import { registerGetMe } from "./me/get";
import { registerPostRefresh } from "./refresh/post";
import { registerPostRegister } from "./register/post";
import { registerGetSession } from "./session/get";

export function registerAuthRoutes(app: Api): void {
  registerPostLogin(app);
  registerPostRefresh(app);
  registerPostLogout(app);
  registerPostRegister(app);
  registerGetMe(app);
  registerGetSession(app);
}
