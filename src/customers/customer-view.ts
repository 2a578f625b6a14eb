import { customerNotice } from "../domain/events/customer-view";
import { moneyJson } from "../domain/money";
import type { CustomerView } from "../routes/customers/schema";
import type { AutoPolicyRow, CustomerDocumentRow, CustomerRow, VehicleRow } from "./customer-records";

/** What the analysis shows a reader: the event's fields, not the models' internals. */
function analyzedFields(document: CustomerDocumentRow): Record<string, unknown> | null {
  const analysis = document.analysis;
  if (!analysis) return null;
  if (analysis.documentType === "DRIVERS_LICENSE") return (analysis.fields as Record<string, unknown>) ?? null;
  return {
    damage: analysis.damage,
    color: analysis.color,
    type: document.documentType === "CAR" ? "signup" : "claims",
  };
}

/** The fraud check of a document: staff read the verdict with its type and reasons, the customer only what to do next. */
function documentFraudCheck(
  document: CustomerDocumentRow,
  reader: "staff" | "customer",
): Pick<CustomerView["documents"][number], "fraud_verdict" | "fraud_type" | "fraud_reason" | "notice"> {
  if (reader === "staff") {
    return {
      fraud_verdict: document.fraudVerdict,
      fraud_type: document.fraudType,
      fraud_reason: document.fraudReason,
    };
  }
  return {
    fraud_verdict: document.fraudVerdict,
    ...(document.fraudVerdict === "DETECTED" ? { notice: customerNotice(document) } : {}),
  };
}

export function toCustomerView(
  customer: CustomerRow,
  insured: { policy: AutoPolicyRow; vehicle: VehicleRow } | undefined,
  documents: CustomerDocumentRow[],
  reader: "staff" | "customer",
): CustomerView {
  const latest = new Map<string, string>();
  for (const document of documents)
    if (!latest.has(document.documentType)) latest.set(document.documentType, document.id);
  return {
    customer_id: customer.id,
    status: customer.status,
    rejection_reason: customer.rejectionReason,
    first_name: customer.firstName,
    last_name: customer.lastName,
    email: customer.email,
    email_verified: !!customer.emailVerifiedAt,
    ssn_last4: customer.ssnLast4,
    address: { street: customer.street, city: customer.city, state: customer.state, zip: customer.zip },
    vehicle: insured
      ? {
          make: insured.vehicle.make,
          model: insured.vehicle.model,
          color: insured.vehicle.color,
          type: insured.vehicle.type,
          year: insured.vehicle.year,
          mileage: insured.vehicle.mileage,
          vin: insured.vehicle.vin,
        }
      : null,
    policy: insured
      ? {
          policy_id: insured.policy.id,
          product: insured.policy.product,
          status: insured.policy.status,
          starts_at: insured.policy.startsAt,
          ends_at: insured.policy.endsAt,
          collision_deductible: moneyJson(insured.policy.collisionDeductibleCents),
          rental_daily_cap: moneyJson(insured.policy.rentalDailyCapCents),
          rental_max_days: insured.policy.rentalMaxDays,
          color: insured.policy.color,
        }
      : null,
    documents: documents.map((document) => ({
      document_id: document.id,
      document_type: document.documentType,
      status: document.status,
      uploaded_at: document.uploadedAt,
      processed_at: document.processedAt,
      failure_reason: document.failureReason,
      ...documentFraudCheck(document, reader),
      analyzed_field_and_values: analyzedFields(document),
      current: latest.get(document.documentType) === document.id,
    })),
    created_at: customer.createdAt,
  };
}
