import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { ROLES, type Role } from "../../src/db/schema";
import { api, createUser, expectDeclaredError } from "../helpers";

// Every operation the OpenAPI registry holds: a route added tomorrow is covered without editing this file.
const operations = createApp().openAPIRegistry.definitions.flatMap((definition) =>
  definition.type === "route" ? [definition.route as typeof definition.route & { "x-roles"?: Role[] }] : [],
);
const secured = operations.filter((route) => (route.security ?? []).length > 0);
const publicOperations = operations
  .filter((route) => (route.security ?? []).length === 0)
  .map((route) => `${route.method.toUpperCase()} ${route.path}`);

const tokens = {} as Record<Role, string>;
beforeAll(async () => {
  for (const role of ROLES) tokens[role] = (await createUser(role)).token;
});

const call = (route: (typeof operations)[number], token?: string) =>
  api(route.path.replace(/\{[^}]+\}/g, "x-1"), { method: route.method.toUpperCase(), ...(token ? { token } : {}) });

describe("every operation in the OpenAPI registry", () => {
  it("is public only when meant to be (login, refresh, health, the FHIR CapabilityStatement, customer signup and verification, signed uploads)", () => {
    expect(publicOperations.sort()).toEqual([
      "GET /api/v1/fhir/metadata",
      "GET /api/v1/health",
      "GET /health",
      "POST /api/v1/auth/login",
      "POST /api/v1/auth/refresh",
      "POST /api/v1/customers",
      "POST /api/v1/customers/verify",
      "POST /api/v1/customers/verify/resend",
      "PUT /api/v1/uploads/{token}",
    ]);
    expect(secured.length).toBeGreaterThan(30);
  });

  it("states the roles it lets in", () => {
    for (const route of secured)
      expect(route["x-roles"], `${route.method} ${route.path}`).toEqual(expect.arrayContaining([expect.any(String)]));
  });
});

describe.each(secured.map((route) => ({ name: `${route.method.toUpperCase()} ${route.path}`, route })))(
  "$name",
  ({ route }) => {
    it("refuses a request without a token with 401", async () => {
      await expectDeclaredError(await call(route), route, 401, "UNAUTHORIZED");
    });

    it("refuses a malformed token with 401", async () => {
      await expectDeclaredError(await call(route, "not.a-valid.token"), route, 401, "UNAUTHORIZED");
    });

    const refused = ROLES.filter((role) => !route["x-roles"]?.includes(role));
    if (refused.length > 0) {
      it(`refuses ${refused.join(", ")} with 403`, async () => {
        for (const role of refused) await expectDeclaredError(await call(route, tokens[role]), route, 403, "FORBIDDEN");
      });
    }
  },
);
