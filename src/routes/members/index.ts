import type { Api } from "../api";
import { registerGetMember } from "./get";
import { registerListMembers } from "./list";
import { registerPatchMember } from "./patch";
import { registerPostMember } from "./post";

export function registerMemberRoutes(app: Api): void {
  registerPostMember(app);
  registerListMembers(app);
  registerGetMember(app);
  registerPatchMember(app);
}
