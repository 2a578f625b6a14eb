import { z } from "@hono/zod-openapi";
import { eraseCustomer } from "../../customers/erase-customer";
import { ApiError } from "../../errors/api-error";
import type { Api } from "../api";
import { jsonResponse } from "../shared/content";
import { protectedRoute } from "../shared/protected-route";
import { customerIdParams } from "./schema";

export const customerErasedSchema = z
  .object({
    customer_id: z.string(),
    status: z.literal("ERASED"),
    erased_at: z.string(),
    objects_deleted: z.number().int(),
    events_pseudonymised: z.number().int(),
  })
  .openapi("CustomerErased");

export const deleteCustomerRoute = protectedRoute({
  method: "delete",
  path: "/customers/{id}",
  tags: ["first notice of loss"],
  summary: "Erase a customer's personal data and documents",
  description:
    "The customer itself or an admin. Deletes the customer's images from storage, erases its personal data " +
    "(name, email, SSN hash, address, VIN, licence fields) and pseudonymises its events; the event log and the " +
    "audit trail keep their entries without personal values. The customer can no longer log in.",
  roles: ["customer", "admin"],
  request: { params: customerIdParams },
  responses: { 200: jsonResponse(customerErasedSchema, "Erased") },
  errors: { 404: "No such customer (or already erased), or not the caller's own" },
});

export const registerDeleteCustomer = (app: Api) =>
  app.openapi(deleteCustomerRoute, async (c) => {
    const { id } = c.req.valid("param");
    const user = c.get("user");
    if (user.role === "customer" && user.customerId !== id) throw new ApiError("NOT_FOUND", `Customer ${id} not found`);
    const report = await eraseCustomer(c.env, c.get("db"), id, user, c.get("requestId"));
    return c.json(
      {
        customer_id: report.customerId,
        status: "ERASED" as const,
        erased_at: report.erasedAt,
        objects_deleted: report.objectsDeleted,
        events_pseudonymised: report.eventsPseudonymised,
      },
      200,
    );
  });
