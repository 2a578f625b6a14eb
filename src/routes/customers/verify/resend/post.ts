import { z } from "@hono/zod-openapi";
import { resendVerificationCode } from "../../../../customers/email-verification";
import type { Api } from "../../../api";
import { emailSchema } from "../../../auth/schema";
import { jsonBody, jsonResponse } from "../../../shared/content";
import { publicRoute } from "../../../shared/protected-route";

const resendRequest = z.object({ email: emailSchema }).strict().openapi("VerificationCodeResendRequest");
const resendResponse = z.object({ message: z.string() }).openapi("VerificationCodeResent");

export const postResendVerificationRoute = publicRoute({
  method: "post",
  path: "/customers/verify/resend",
  tags: ["first notice of loss"],
  summary: "Email a new verification code",
  description:
    "Always 202, whether or not the email belongs to an unverified customer. Rate-limited per client address.",
  rateLimit: { family: "verify", tier: "public" },
  request: { body: jsonBody(resendRequest) },
  responses: { 202: jsonResponse(resendResponse, "A new code was sent if the email awaits verification") },
});

export const registerPostResendVerification = (app: Api) =>
  app.openapi(postResendVerificationRoute, async (c) => {
    await resendVerificationCode(c.env, c.get("db"), c.req.valid("json").email);
    return c.json({ message: "If this email awaits verification, a new code was sent." }, 202);
  });
