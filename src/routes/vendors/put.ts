import { eq } from "drizzle-orm";
import { auditInsert } from "../../audit";
import { rentalVendors } from "../../db/schema";
import { toCents } from "../../domain/money";
import { rentalVendorProblems } from "../../domain/rental";
import { ApiError } from "../../errors/api-error";
import { runBatch } from "../../events/batch";
import { toRentalVendor } from "../../fnol/rental-vendors";
import { toVendorView } from "../../fnol/vendor-view";
import type { Api } from "../api";
import { jsonBody, jsonResponse } from "../shared/content";
import { protectedRoute } from "../shared/protected-route";
import { vendorIdParams, vendorRequestSchema, vendorSchema } from "./schema";

export const putVendorRoute = protectedRoute({
  method: "put",
  path: "/vendors/{id}",
  tags: ["first notice of loss"],
  summary: "Create or replace a rental car vendor branch",
  description:
    "The branches the rental step books from: location (coordinates, a US state or a ZIP code at least), daily " +
    "rate, cars available now and an optional booking period. Audited.",
  roles: ["admin"],
  request: { params: vendorIdParams, body: jsonBody(vendorRequestSchema) },
  responses: { 200: jsonResponse(vendorSchema, "The vendor as stored") },
});

export const registerPutVendor = (app: Api) =>
  app.openapi(putVendorRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const dailyRateCents = toCents(body.daily_rate);
    const at = new Date().toISOString();
    const row = {
      id,
      name: body.name,
      city: body.city ?? null,
      state: body.state ?? null,
      zip: body.zip ?? null,
      latitude: body.latitude ?? null,
      longitude: body.longitude ?? null,
      dailyRateCents: dailyRateCents ?? -1,
      availableUnits: body.available_units,
      availableFrom: body.available_from ?? null,
      availableUntil: body.available_until ?? null,
      createdAt: at,
      updatedAt: at,
    };
    const problems = rentalVendorProblems(toRentalVendor(row));
    if (problems.length > 0) {
      throw new ApiError("VALIDATION_ERROR", problems.map((p) => `${p.path}: ${p.message}`).join("; "), {
        details: { issues: problems },
      });
    }
    const db = c.get("db");
    const before = await db.select().from(rentalVendors).where(eq(rentalVendors.id, id)).get();
    const { id: _id, createdAt: _created, ...changes } = row;
    await runBatch(db, [
      db.insert(rentalVendors).values(row).onConflictDoUpdate({ target: rentalVendors.id, set: changes }),
      auditInsert(db, {
        entityType: "rental_vendor",
        entityId: id,
        action: before ? "rental_vendor.replaced" : "rental_vendor.created",
        actor: c.get("user"),
        before: before ?? null,
        after: row,
        requestId: c.get("requestId"),
      }),
    ]);
    const stored = await db.select().from(rentalVendors).where(eq(rentalVendors.id, id)).get();
    return c.json(toVendorView(stored!), 200);
  });
