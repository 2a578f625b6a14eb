import type { Api } from "../api";
import { registerDeleteClaim } from "./delete";
import { registerGetClaimDocument } from "./document/get";
import { registerGetClaim } from "./get";
import { registerListClaims } from "./list";
import { registerPutOverride } from "./override/put";
import { registerPostHealthClaim } from "./post";
import { registerPutClaimUpdate } from "./update/put";
import { registerPostDocumentUpload } from "./upload/post";
import { registerPostPhotoValidation } from "./validate/post";

export function registerClaimRoutes(app: Api): void {
  registerPostHealthClaim(app);
  registerPostDocumentUpload(app);
  registerPostPhotoValidation(app);
  registerPutOverride(app);
  registerListClaims(app);
  registerGetClaim(app);
  registerGetClaimDocument(app);
  registerPutClaimUpdate(app);
  registerDeleteClaim(app);
}
