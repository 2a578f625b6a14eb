import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { API_TYPES_PATH, renderApiTypes } from "../../scripts/lib/api-types";
import { call } from "./http";

it("the console's API types are the ones the served OpenAPI document gives (npm run console:api-types when this fails)", async () => {
  const document = await call("/api/v1/openapi.json");
  expect(document.status).toBe(200);
  expect(readFileSync(API_TYPES_PATH, "utf8")).toBe(await renderApiTypes(document.body));
});
