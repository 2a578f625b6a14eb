import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { customers, providers } from "../db/schema";
import { ApiError } from "../errors/api-error";

const unknownBinding = (field: string, message: string) =>
  new ApiError("VALIDATION_ERROR", `Invalid body.${field}: ${message}`, {
    details: { issues: [{ path: `body.${field}`, message, code: "not_found" }] },
  });

/** A provider or customer user must be bound to a provider or customer that exists. */
export async function requireBindingExists(
  db: Database,
  binding: { providerId: string | null; customerId: string | null },
): Promise<void> {
  if (binding.providerId) {
    const provider = await db
      .select({ id: providers.providerId })
      .from(providers)
      .where(eq(providers.providerId, binding.providerId))
      .get();
    if (!provider) throw unknownBinding("provider_id", `names no provider: ${binding.providerId}`);
  }
  if (binding.customerId) {
    const customer = await db
      .select({ id: customers.id })
      .from(customers)
      .where(eq(customers.id, binding.customerId))
      .get();
    if (!customer) throw unknownBinding("customer_id", `names no customer: ${binding.customerId}`);
  }
}
