import { applyUserChange } from "../../users/apply-change";
import type { Api } from "../api";
import { toUserView, userSchema } from "../auth/schema";
import { jsonBody, jsonResponse } from "../shared/content";
import { protectedRoute } from "../shared/protected-route";
import { updateUserRequest, userIdParams } from "./schema";

export const patchUserRoute = protectedRoute({
  method: "patch",
  path: "/users/{id}",
  tags: ["users"],
  summary: "Change a user's role, provider/customer binding or active flag (audited)",
  description:
    "Deactivating a user revokes every session at once; a changed role makes the user's current access " +
    "tokens invalid (a refresh issues one with the new role). The last active admin cannot be demoted or deactivated.",
  roles: ["admin"],
  request: { params: userIdParams, body: jsonBody(updateUserRequest) },
  responses: { 200: jsonResponse(userSchema, "The user after the change") },
  errors: {
    404: "No such user",
    409: "The change would leave no active admin",
  },
});

export const registerPatchUser = (app: Api) =>
  app.openapi(patchUserRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const user = await applyUserChange(
      c.get("db"),
      c.env,
      id,
      { role: body.role, active: body.active, providerId: body.provider_id, customerId: body.customer_id },
      { action: "user.updated", actor: c.get("user"), requestId: c.get("requestId") },
    );
    return c.json(toUserView(user), 200);
  });
