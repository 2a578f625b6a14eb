import type { Api } from "../api";
import { CODE_SETS } from "./code-set/code-sets";
import { registerPostCodeImport } from "./code-set/import/post";
import { registerListCodes } from "./code-set/list";
import { registerPostCode } from "./code-set/post";
import { registerListRules } from "./rules/list";
import { registerPostRule } from "./rules/post";

/** /codes/diagnoses and /codes/procedures are one code-set route family (./code-set), plus the pairing rules. */
export function registerCodeRoutes(app: Api): void {
  for (const set of CODE_SETS) {
    registerPostCode(app, set);
    registerListCodes(app, set);
    registerPostCodeImport(app, set);
  }
  registerPostRule(app);
  registerListRules(app);
}
