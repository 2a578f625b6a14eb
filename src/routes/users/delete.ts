import { applyUserChange } from "../../users/apply-change";
import type { Api } from "../api";
import { toUserView, userSchema } from "../auth/schema";
import { jsonResponse } from "../shared/content";
import { protectedRoute } from "../shared/protected-route";
import { userIdParams } from "./schema";

export const deleteUserRoute = protectedRoute({
  method: "delete",
  path: "/users/{id}",
  tags: ["users"],
  summary: "Delete a user: deactivated at once, every session revoked; the row stays for the audit trail",
  roles: ["admin"],
  request: { params: userIdParams },
  responses: { 200: jsonResponse(userSchema, "The user, now inactive") },
  errors: { 404: "No such user", 409: "The user is the last active admin" },
});

export const registerDeleteUser = (app: Api) =>
  app.openapi(deleteUserRoute, async (c) => {
    const user = await applyUserChange(
      c.get("db"),
      c.env,
      c.req.valid("param").id,
      { active: false },
      { action: "user.deleted", actor: c.get("user"), requestId: c.get("requestId") },
    );
    return c.json(toUserView(user), 200);
  });
