import type { Api } from "../api";
import { registerPostUploadUrl } from "./post";
import { registerPutUpload } from "./put";

export function registerUploadRoutes(app: Api): void {
  registerPostUploadUrl(app);
  registerPutUpload(app);
}
