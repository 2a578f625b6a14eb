import { z } from "@hono/zod-openapi";
import { allRentalVendors } from "../../fnol/rental-vendors";
import { toVendorView } from "../../fnol/vendor-view";
import type { Api } from "../api";
import { jsonResponse } from "../shared/content";
import { protectedRoute } from "../shared/protected-route";
import { vendorSchema } from "./schema";

export const listVendorsRoute = protectedRoute({
  method: "get",
  path: "/vendors",
  tags: ["first notice of loss"],
  summary: "The rental car vendor branches",
  roles: ["insurer", "admin"],
  responses: {
    200: jsonResponse(z.object({ vendors: z.array(vendorSchema) }).openapi("RentalVendorList"), "Every branch"),
  },
});

export const registerListVendors = (app: Api) =>
  app.openapi(listVendorsRoute, async (c) => {
    const rows = await allRentalVendors(c.get("db"));
    return c.json({ vendors: rows.map(toVendorView) }, 200);
  });
