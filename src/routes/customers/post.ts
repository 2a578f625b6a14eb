import { signUpCustomer } from "../../customers/signup";
import { checkSsn } from "../../domain/customers/ssn";
import { checkVin } from "../../domain/customers/vin";
import type { Api } from "../api";
import { jsonBody, jsonResponse } from "../shared/content";
import { publicRoute } from "../shared/protected-route";
import { signupRequestSchema, signupResponseSchema } from "./schema";

export const postCustomerRoute = publicRoute({
  method: "post",
  path: "/customers",
  tags: ["first notice of loss"],
  summary: "Sign up: customer, car and policy",
  description:
    "Creates the customer's user (role `customer`, log in with the email and password), the customer, the car and " +
    "a policy from the default product, and answers 202: screening follows as events (Customer.Submitted, then " +
    "Customer.Accepted with the licence and car upload URLs, or Customer.Rejected with the reason). A verification " +
    "code is emailed; confirm it with POST /customers/verify. Rate-limited per client address.",
  rateLimit: { family: "signup", tier: "public" },
  request: { body: jsonBody(signupRequestSchema) },
  responses: { 202: jsonResponse(signupResponseSchema, "Signed up; screening follows as events") },
  errors: { 409: "An account with this email already exists" },
});

export const registerPostCustomer = (app: Api) =>
  app.openapi(postCustomerRoute, async (c) => {
    const body = c.req.valid("json");
    const ssn = checkSsn(body.ssn);
    const vin = checkVin(body.vehicle.vin, body.vehicle.year);
    if (!ssn.ok || !vin.ok) throw new Error("signup body passed validation with an invalid SSN or VIN");
    const result = await signUpCustomer(
      c.env,
      c.get("db"),
      {
        email: body.email,
        password: body.password,
        firstName: body.first_name,
        lastName: body.last_name,
        ssnDigits: ssn.digits,
        address: body.address,
        vehicle: { ...body.vehicle, vin: vin.vin },
      },
      { origin: new URL(c.req.url).origin, requestId: c.get("requestId") },
    );
    c.executionCtx.waitUntil(result.publishing);
    return c.json(
      {
        customer_id: result.customerId,
        policy_id: result.policyId,
        status: "SUBMITTED" as const,
        message: "Signup received: screening follows as events; a verification code was emailed.",
        events_url: "/api/v1/events",
      },
      202,
    );
  });
