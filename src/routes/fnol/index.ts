import type { Api } from "../api";
import { registerGetFnolClaim } from "./claims/get";
import { registerPostFnolClaim } from "./claims/post";
import { registerPostSettlementOverride } from "./claims/settlement/override/post";

export function registerFnolRoutes(app: Api): void {
  registerPostFnolClaim(app);
  registerGetFnolClaim(app);
  registerPostSettlementOverride(app);
}
