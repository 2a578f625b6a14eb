import type { z } from "@hono/zod-openapi";
import { moneyJson } from "../domain/money";
import type { vendorSchema } from "../routes/vendors/schema";
import type { RentalVendorRow } from "./rental-vendors";

export const toVendorView = (row: RentalVendorRow): z.infer<typeof vendorSchema> => ({
  id: row.id,
  name: row.name,
  city: row.city,
  state: row.state,
  zip: row.zip,
  latitude: row.latitude,
  longitude: row.longitude,
  daily_rate: moneyJson(row.dailyRateCents),
  available_units: row.availableUnits,
  available_from: row.availableFrom,
  available_until: row.availableUntil,
  updated_at: row.updatedAt,
});
