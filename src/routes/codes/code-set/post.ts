import { insertAudited } from "../../../db/insert-audited";
import { forgetsReferenceData } from "../../../middleware/forget-reference-data";
import type { Api } from "../../api";
import { jsonBody, jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import type { CodeSet } from "./code-sets";

export const postCodeRoute = (set: CodeSet) =>
  protectedRoute({
    method: "post",
    path: `/codes/${set.path}`,
    tags: ["reference data"],
    summary: set.createSummary,
    roles: ["admin"],
    middleware: [forgetsReferenceData],
    request: { body: jsonBody(set.createRequest) },
    responses: { 201: jsonResponse(set.viewSchema, "The code") },
    errors: { 409: "Code already exists" },
  });

export const registerPostCode = (app: Api, set: CodeSet) =>
  app.openapi(postCodeRoute(set), async (c) => {
    const db = c.get("db");
    const { statement, row, view } = set.insert(db, c.req.valid("json"), new Date().toISOString());
    const code = (row as { code: string }).code;
    await insertAudited(
      db,
      statement,
      {
        entityType: `${set.noun}_code`,
        entityId: code,
        action: `${set.noun}_code.created`,
        actor: c.get("user"),
        after: row,
        requestId: c.get("requestId"),
      },
      { message: `${set.noun === "diagnosis" ? "Diagnosis" : "Procedure"} code ${code} already exists` },
    );
    return c.json(view, 201);
  });
