import { isStaff } from "../../auth/current-user";
import { customerDocumentHistory, findCustomer, findPolicyAndVehicle } from "../../customers/customer-records";
import { toCustomerView } from "../../customers/customer-view";
import { ApiError } from "../../errors/api-error";
import type { Api } from "../api";
import { jsonResponse } from "../shared/content";
import { protectedRoute } from "../shared/protected-route";
import { customerIdParams, customerViewSchema } from "./schema";

export const getCustomerRoute = protectedRoute({
  method: "get",
  path: "/customers/{id}",
  tags: ["first notice of loss"],
  summary: "A customer: status, car, policy and documents with their verdicts",
  description: "Every uploaded document stays in `documents` (newest first); `current` marks the one that counts.",
  roles: ["customer", "insurer", "admin"],
  request: { params: customerIdParams },
  responses: { 200: jsonResponse(customerViewSchema, "The customer") },
  errors: { 404: "No such customer, or not the caller's own" },
});

export const registerGetCustomer = (app: Api) =>
  app.openapi(getCustomerRoute, async (c) => {
    const { id } = c.req.valid("param");
    const user = c.get("user");
    const db = c.get("db");
    const customer = isStaff(user) || user.customerId === id ? await findCustomer(db, id) : undefined;
    if (!customer || customer.status === "ERASED") throw new ApiError("NOT_FOUND", `Customer ${id} not found`);
    const [insured, documents] = await Promise.all([findPolicyAndVehicle(db, id), customerDocumentHistory(db, id)]);
    return c.json(toCustomerView(customer, insured, documents, isStaff(user) ? "staff" : "customer"), 200);
  });
