import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getHealthRoute } from "../../../src/routes/health/get";
import { api, readAs, readBody } from "../../helpers";

describe("GET /health", () => {
  it("reports status, version and a check per binding", async () => {
    for (const path of ["/health", "/api/v1/health"]) {
      const res = await api(path);
      const body = await readAs(res, getHealthRoute, 200);
      expect(body.status).toBe("ok");
      expect(body.version).toBe("0.1.0");
      expect(Object.keys(body.checks).sort()).toEqual([
        "claim_coordinator",
        "claim_documents_queue",
        "database",
        "documents_bucket",
        "model_training_queue",
        "models_bucket",
      ]);
      expect(body.models).toEqual({ loaded: expect.any(Array), errors: {} });
      for (const check of Object.values(body.checks)) expect(check.ok).toBe(true);
    }
  });
});

const openApiDocument = z.object({
  openapi: z.string(),
  paths: z.record(
    z.string(),
    z.record(z.string(), z.object({ security: z.array(z.record(z.string(), z.array(z.string()))).optional() })),
  ),
  components: z.object({
    schemas: z.record(z.string(), z.unknown()),
    securitySchemes: z.record(z.string(), z.object({ scheme: z.string() })),
  }),
});

describe("OpenAPI and docs", () => {
  it("serves an OpenAPI 3.1 document generated from the route declarations", async () => {
    const res = await api("/api/v1/openapi.json");
    const doc = await readBody(res, openApiDocument);
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/health"]),
    );
    expect(doc.paths["/api/v1/auth/register"]?.post?.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.components.schemas.Error).toBeDefined();
    expect(doc.components.securitySchemes.bearerAuth?.scheme).toBe("bearer");
  });

  it("serves an interactive docs page", async () => {
    const res = await api("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain('src="/docs/init.js"');
    expect(await (await api("/docs/init.js")).text()).toContain("/api/v1/openapi.json");
  });
});
