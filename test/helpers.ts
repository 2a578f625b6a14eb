import { env, exports } from "cloudflare:workers";
import { z } from "zod";
import { hashPassword } from "../src/auth/password";
import { openSession } from "../src/auth/sessions";
import { issueAccessToken } from "../src/auth/tokens";
import { createDatabase } from "../src/db/client";
import { type Role, users } from "../src/db/schema";
import { API_ERROR_SYSTEM, REQUEST_ID_EXTENSION } from "../src/domain/fhir/code-systems";
import { appConfig } from "../src/env";
import type { ErrorCode } from "../src/errors/codes";
import { type ErrorBody, errorBodySchema } from "../src/errors/error-body";
import { type OperationOutcomeBody, operationOutcomeSchema } from "../src/routes/fhir/schemas";
import { checkedBody, declaredSchema, type JsonSchemaOf } from "./typed-response";

export const db = () => createDatabase(env.DB);

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  token: string;
  refreshToken: string;
  sessionId: string;
  providerId: string | null;
  customerId: string | null;
}

/** Inserts a user straight into D1, opens a session for it and signs its access token. */
export async function createUser(
  role: Role,
  options: { providerId?: string; customerId?: string; password?: string } = {},
): Promise<TestUser> {
  const id = crypto.randomUUID();
  const email = `${role}-${id.slice(0, 8)}@claimsedge.test`;
  const password = options.password ?? `pw-${id}`;
  const providerId = options.providerId ?? (role === "provider" ? `H-${id.slice(0, 6)}` : null);
  const customerId = options.customerId ?? (role === "customer" ? `CUST-${id.slice(0, 6)}` : null);
  await db()
    .insert(users)
    .values({
      id,
      email,
      passwordHash: await hashPassword(password),
      firstName: "Test",
      lastName: role,
      role,
      providerId,
      customerId,
    });
  const { sessionId, refreshToken } = await openSession(db(), id, appConfig(env));
  const token = await issueAccessToken({ id, email, role, providerId, customerId, sessionId }, appConfig(env));
  return { id, email, password, role, token, refreshToken, sessionId, providerId, customerId };
}

type JsonInit = Omit<RequestInit, "body"> & { body?: unknown; token?: string; ip?: string };

/** Calls the Worker the way a client does, with a JSON body and an optional bearer token. */
export async function api(path: string, init: JsonInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.ip) headers.set("cf-connecting-ip", init.ip);
  let body: BodyInit | undefined;
  if (init.body !== undefined) {
    if (
      typeof init.body === "string" ||
      init.body instanceof ArrayBuffer ||
      init.body instanceof Uint8Array ||
      init.body instanceof FormData
    ) {
      body = init.body as BodyInit;
    } else {
      body = JSON.stringify(init.body);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
  }
  return exports.default.fetch(new Request(`http://claimsedge.test${path}`, { ...init, headers, body }));
}

/** The JSON body, after checking the status and that the body matches `schema`; typed by it. */
export async function readBody<Schema extends z.ZodType>(
  response: Response,
  schema: Schema,
  status = 200,
): Promise<z.infer<Schema>> {
  return checkedBody(await response.json(), response.status, schema, status);
}

/** A route's response, checked against and typed by the schema the route declares for `status`. */
export async function readAs<Route extends { responses: object }, Status extends keyof Route["responses"] & number>(
  response: Response,
  route: Route,
  status: Status,
): Promise<z.infer<JsonSchemaOf<Route, Status>>> {
  return readBody(response, declaredSchema(route, status), status) as Promise<z.infer<JsonSchemaOf<Route, Status>>>;
}

/** Asserts the one error shape (status, code, request id = X-Request-Id) and returns the body. */
export async function expectError(response: Response, status: number, code: ErrorCode): Promise<ErrorBody> {
  const body: unknown = await response.json();
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success || response.status !== status || parsed.data.error.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${response.status} ${JSON.stringify(body)}`);
  }
  const requestId = response.headers.get("x-request-id");
  if (!requestId || parsed.data.error.request_id !== requestId) {
    throw new Error(
      `the body's request_id ${parsed.data.error.request_id} is not the X-Request-Id header ${requestId}`,
    );
  }
  return body as ErrorBody;
}

/** An OperationOutcome refusal (the FHIR routes): status, FHIR's media type, the API's error code, the request id. */
export async function expectOutcomeError(
  response: Response,
  status: number,
  code: ErrorCode,
): Promise<OperationOutcomeBody> {
  const outcome = checkedBody(await response.json(), response.status, operationOutcomeSchema, status);
  if (!response.headers.get("content-type")?.startsWith("application/fhir+json"))
    throw new Error(`expected FHIR JSON, got ${response.headers.get("content-type")}`);
  const codes = outcome.issue.flatMap((issue) => issue.details?.coding ?? []);
  if (!codes.some((coding) => coding.system === API_ERROR_SYSTEM && coding.code === code))
    throw new Error(`expected ${code}, got ${JSON.stringify(outcome)}`);
  const requestId = outcome.extension?.find((extension) => extension.url === REQUEST_ID_EXTENSION)?.valueString;
  if (!requestId || requestId !== response.headers.get("x-request-id"))
    throw new Error(`the outcome's request id ${requestId} is not the X-Request-Id header`);
  return outcome;
}

/** A refusal in the shape the route declares for `status`: the error body, or an OperationOutcome on FHIR routes. */
export async function expectDeclaredError(
  response: Response,
  route: { responses: object },
  status: number,
  code: ErrorCode,
): Promise<void> {
  const declared = (route.responses as Record<number, { content?: object }>)[status]?.content ?? {};
  if ("application/fhir+json" in declared) await expectOutcomeError(response, status, code);
  else await expectError(response, status, code);
}

const validationDetails = z.object({
  issues: z.array(z.object({ path: z.string(), message: z.string(), code: z.string() })),
});

/** The failing fields of a VALIDATION_ERROR. */
export const validationIssues = (body: ErrorBody) => validationDetails.parse(body.error.details).issues;

export const uniqueIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
