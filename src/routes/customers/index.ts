import type { Api } from "../api";
import { registerDeleteCustomer } from "./delete";
import { registerGetCustomer } from "./get";
import { registerPostCustomer } from "./post";
import { registerPostVerifyEmail } from "./verify/post";
import { registerPostResendVerification } from "./verify/resend/post";

export function registerCustomerRoutes(app: Api): void {
  registerPostCustomer(app);
  registerPostVerifyEmail(app);
  registerPostResendVerification(app);
  registerGetCustomer(app);
  registerDeleteCustomer(app);
}
