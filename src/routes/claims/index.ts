import type { Api } from "../api";
import { registerPutAssignee } from "./assignee/put";
import { registerDeleteClaim } from "./delete";
import { registerGetClaimDocument } from "./document/get";
import { registerPostClaimFail } from "./fail/post";
import { registerPutFieldCorrection } from "./fields/put";
import { registerGetClaim } from "./get";
import { registerListClaims } from "./list";
import { registerPutOverride } from "./override/put";
import { registerGetClaimPhoto } from "./photo/get";
import { registerPostHealthClaim } from "./post";
import { registerPostClaimRerun } from "./rerun/post";
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
  registerGetClaimPhoto(app);
  registerPutClaimUpdate(app);
  registerDeleteClaim(app);
  registerPostClaimRerun(app);
  registerPostClaimFail(app);
  registerPutAssignee(app);
  registerPutFieldCorrection(app);
}
