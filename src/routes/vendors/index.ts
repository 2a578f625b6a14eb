import type { Api } from "../api";
import { registerListVendors } from "./list";
import { registerPutVendor } from "./put";

export function registerVendorRoutes(app: Api): void {
  registerListVendors(app);
  registerPutVendor(app);
}
