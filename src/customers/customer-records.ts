import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { autoPolicies, customerDocuments, customers, type UploadPurpose, vehicles } from "../db/schema";

export type CustomerRow = typeof customers.$inferSelect;
export type AutoPolicyRow = typeof autoPolicies.$inferSelect;
export type VehicleRow = typeof vehicles.$inferSelect;
export type CustomerDocumentRow = typeof customerDocuments.$inferSelect;

export const findCustomer = (db: Database, customerId: string) =>
  db.select().from(customers).where(eq(customers.id, customerId)).get();

/** The customer's policy (the latest issued) and its car. */
export async function findPolicyAndVehicle(
  db: Database,
  customerId: string,
): Promise<{ policy: AutoPolicyRow; vehicle: VehicleRow } | undefined> {
  const row = await db
    .select({ policy: autoPolicies, vehicle: vehicles })
    .from(autoPolicies)
    .innerJoin(vehicles, eq(vehicles.id, autoPolicies.vehicleId))
    .where(eq(autoPolicies.customerId, customerId))
    .orderBy(desc(autoPolicies.createdAt))
    .get();
  return row ?? undefined;
}

export const findDocument = (db: Database, documentId: string) =>
  db.select().from(customerDocuments).where(eq(customerDocuments.id, documentId)).get();

/** Every document of the customer, newest first (the history a correction leaves). */
export const customerDocumentHistory = (db: Database, customerId: string) =>
  db
    .select()
    .from(customerDocuments)
    .where(eq(customerDocuments.customerId, customerId))
    .orderBy(desc(customerDocuments.uploadedAt));

/** The document of a type that counts: the latest uploaded. */
export const latestDocument = (db: Database, customerId: string, type: UploadPurpose) =>
  db
    .select()
    .from(customerDocuments)
    .where(and(eq(customerDocuments.customerId, customerId), eq(customerDocuments.documentType, type)))
    .orderBy(desc(customerDocuments.uploadedAt))
    .get();
