import { z } from "@hono/zod-openapi";
import { verifyEmail } from "../../../customers/email-verification";
import type { Api } from "../../api";
import { emailSchema } from "../../auth/schema";
import { jsonBody, jsonResponse } from "../../shared/content";
import { publicRoute } from "../../shared/protected-route";

const verifyRequest = z
  .object({
    email: emailSchema,
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "must be the six digits from the email"),
  })
  .strict()
  .openapi("EmailVerificationRequest");

export const emailVerifiedSchema = z
  .object({ customer_id: z.string(), email_verified: z.literal(true), verified_at: z.string() })
  .openapi("EmailVerified");

export const postVerifyEmailRoute = publicRoute({
  method: "post",
  path: "/customers/verify",
  tags: ["first notice of loss"],
  summary: "Confirm the customer's email with the emailed code",
  description:
    "Codes are six digits, expire after 30 minutes and allow 5 attempts; a new one comes from " +
    "POST /customers/verify/resend. Filing a claim needs a verified email. Rate-limited per client address.",
  rateLimit: { family: "verify", tier: "public" },
  request: { body: jsonBody(verifyRequest) },
  responses: { 200: jsonResponse(emailVerifiedSchema, "The email is verified") },
  errors: { 400: "Invalid or expired code (the same answer for an unknown email)" },
});

export const registerPostVerifyEmail = (app: Api) =>
  app.openapi(postVerifyEmailRoute, async (c) => {
    const { email, code } = c.req.valid("json");
    const result = await verifyEmail(c.env, c.get("db"), email, code, c.get("requestId"));
    return c.json(
      { customer_id: result.customerId, email_verified: true as const, verified_at: result.verifiedAt },
      200,
    );
  });
