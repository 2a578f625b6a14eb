import type { Api } from "../api";
import { registerGetProvider } from "./get";
import { registerListProviders } from "./list";
import { registerPatchProvider } from "./patch";
import { registerPostProvider } from "./post";

export function registerProviderRoutes(app: Api): void {
  registerPostProvider(app);
  registerListProviders(app);
  registerGetProvider(app);
  registerPatchProvider(app);
}
