// Property-based fuzzing of every JSON route, with bodies derived from the OpenAPI document: nearly
// valid bodies (the schema's own shapes, with hostile values and wrong types mixed in), path
// parameters that are not ids, bodies that are not JSON. Whatever arrives: never a 5xx, always the
// error shape, and nothing written to D1 on a 4xx. A fixed seed and a bounded number of runs per
// route keep it reproducible and well inside CI's budget.

import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/db/schema";
import { errorBodySchema } from "../../src/errors/error-body";
import { api, createUser } from "../helpers";

const SEED = 20_260_301;
const RUNS_PER_ROUTE = 30;

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
};

interface Operation {
  method: string;
  path: string;
  roles: Role[];
  schema: JsonSchema;
}

/** Values that have broken services before: control characters, NUL, bidi overrides, huge or tiny numbers, injection. */
const hostileStrings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u202Eevil",
  "\u0007\u001b[2J",
  "'; DROP TABLE claims; --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00",
  "1e-320",
  "NaN",
  "-1",
  "2026-02-30",
  "9999-99-99",
  "🦀".repeat(300),
  "x".repeat(70_000),
);
const hostileNumbers = fc.constantFrom(0, -1, -0, 1e-320, 0.001, 0.005, 1e308, -1e308, 2 ** 53 + 1, 123456789.123);
const wrongType = fc.constantFrom<unknown>(null, [], {}, "x", 1, true, [null], { nested: { deeper: [] } });

function arbitraryFor(schema: JsonSchema, components: Record<string, JsonSchema>, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return arbitraryFor(components[schema.$ref.split("/").pop()!] ?? {}, components, depth);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => arbitraryFor(s, components, depth)));
  if (schema.allOf?.length) return arbitraryFor(Object.assign({}, ...schema.allOf), components, depth);
  const likely = ((): fc.Arbitrary<unknown> => {
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), hostileStrings);
    const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
    switch (type) {
      case "object": {
        if (depth > 4 || !schema.properties)
          return fc.dictionary(fc.string({ maxLength: 8 }), wrongType, { maxKeys: 3 });
        const required = new Set(schema.required ?? []);
        const shape = Object.fromEntries(
          Object.entries(schema.properties).map(([key, s]) => [key, arbitraryFor(s, components, depth + 1)]),
        );
        const requiredKeys = Object.keys(shape).filter((key) => required.has(key));
        const record = fc.record(shape, { requiredKeys });
        // Sometimes a key the schema does not know.
        return fc
          .tuple(record, fc.option(fc.constantFrom("extra", "__proto__", "constructor"), { freq: 5 }))
          .map(([value, extra]) => (extra ? { ...(value as object), [extra]: "x" } : value));
      }
      case "array":
        return fc.array(arbitraryFor(schema.items ?? {}, components, depth + 1), { maxLength: 4 });
      case "string":
        return fc.oneof(
          { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
          { weight: 1, arbitrary: fc.uuid() },
          { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
          { weight: 3, arbitrary: hostileStrings },
        );
      case "integer":
      case "number":
        return fc.oneof(fc.integer({ min: -1000, max: 1_000_000 }), fc.double({ noNaN: true }), hostileNumbers);
      case "boolean":
        return fc.boolean();
      default:
        return wrongType;
    }
  })();
  return fc.oneof({ weight: 8, arbitrary: likely }, { weight: 1, arbitrary: wrongType });
}

/** A path parameter that is not a real id: random, hostile, or too long. */
const pathParameter = fc.oneof(
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom("..", "%2e%2e", "%00", "a%0Ab", "x".repeat(3000), "CLM-0001", "M001", "H001"),
);

/** A body as sent: JSON of the derived value, or something that is not JSON at all. */
const rawBody = (derived: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 10, arbitrary: derived.map((value) => JSON.stringify(value) ?? "null") },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "",
        "{",
        "not json",
        '{"a":1,"a":2}',
        `${"[".repeat(5000)}${"]".repeat(5000)}`,
        "\uFEFF{}",
        '"string"',
      ),
    },
  );

// Tables a refused request may write by design: failed sign-ins and throttling counters.
const WRITTEN_WHEN_REFUSED = new Set(["login_attempts", "rate_limits", "d1_migrations", "_cf_KV", "sqlite_sequence"]);

let tables: string[] = [];
const counts = async (): Promise<Record<string, number>> => {
  const select = tables.map((t, i) => `(SELECT count(*) FROM "${t}") AS c${i}`).join(", ");
  const row = await env.DB.prepare(`SELECT ${select}`).first<Record<string, number>>();
  return Object.fromEntries(tables.map((t, i) => [t, row![`c${i}`]!]));
};

let operations: Operation[] = [];
let components: Record<string, JsonSchema> = {};
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  for (const role of ["admin", "insurer", "provider", "customer"] as const)
    tokens[role] = (await createUser(role)).token;
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  ).all<{ name: string }>();
  tables = results.map((r) => r.name).filter((name) => !WRITTEN_WHEN_REFUSED.has(name));
  const document = (await (await api("/api/v1/openapi.json")).json()) as {
    paths: Record<
      string,
      Record<string, { "x-roles"?: Role[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>
    >;
    components?: { schemas?: Record<string, JsonSchema> };
  };
  components = document.components?.schemas ?? {};
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, operation]) => {
      const schema = operation.requestBody?.content?.["application/json"]?.schema;
      return schema ? [{ method: method.toUpperCase(), path, roles: operation["x-roles"] ?? [], schema }] : [];
    }),
  );
});

describe("every JSON route, fuzzed from the OpenAPI document", () => {
  it("finds the JSON routes", () => {
    expect(operations.length).toBeGreaterThan(15);
  });

  it("never answers 5xx, always answers errors in the error shape, and writes nothing on a 4xx", async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const operation of operations) {
      // The most privileged role the route lets in, so the body is what decides the answer.
      const role = (["admin", "insurer", "provider", "customer"] as const).find((r) => operation.roles.includes(r));
      const token = role ? tokens[role] : undefined;
      const request = fc.record({
        params: fc.array(pathParameter, { minLength: 4, maxLength: 4 }),
        body: rawBody(arbitraryFor(operation.schema, components)),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ params, body }) => {
          let n = 0;
          const path = operation.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(params[n++]!));
          const before = await counts();
          const res = await api(path, {
            method: operation.method,
            headers: { "content-type": "application/json" },
            body,
            ...(token ? { token } : {}),
          });
          requests++;
          const text = await res.text();
          const what = `${operation.method} ${path.slice(0, 120)} ${body.slice(0, 160)} → ${res.status}`;
          if (res.status >= 500) failures.push(`${what}: ${text.slice(0, 300)}`);
          if (res.status >= 400) {
            let parsed: unknown;
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = text;
            }
            if (!errorBodySchema.safeParse(parsed).success)
              failures.push(`${what}: not the error shape: ${text.slice(0, 200)}`);
            if (res.status < 500) {
              const after = await counts();
              const written = tables.filter((t) => after[t] !== before[t]);
              if (written.length > 0) failures.push(`${what}: wrote to ${written.join(", ")}`);
            }
          }
        }),
        { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    }
    console.log(`fuzzed ${operations.length} JSON routes with ${requests} requests`);
    expect(failures).toEqual([]);
  }, 240_000);
});
