import type { Database } from "../db/client";
import { rentalVendors } from "../db/schema";
import type { RentalVendor } from "../domain/rental";

export type RentalVendorRow = typeof rentalVendors.$inferSelect;

/** A vendor row as the rental selection reads it. */
export const toRentalVendor = (row: RentalVendorRow): RentalVendor => ({
  id: row.id,
  name: row.name,
  location: { city: row.city, state: row.state, zip: row.zip, latitude: row.latitude, longitude: row.longitude },
  dailyRateCents: row.dailyRateCents,
  availableUnits: row.availableUnits,
  availableFrom: row.availableFrom,
  availableUntil: row.availableUntil,
});

/** Every vendor branch; the selection skips malformed ones and names them. */
export const allRentalVendors = async (db: Database): Promise<RentalVendorRow[]> =>
  db.select().from(rentalVendors).orderBy(rentalVendors.id);
