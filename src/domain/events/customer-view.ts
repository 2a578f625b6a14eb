// What a customer may read of its own events. Fraud verdicts are for staff: the customer learns that
// a document was not accepted, or that its claim is being reviewed, and what to do next, never the
// fraud type or the reasons (a fraudster would learn which check to beat).
import type { DomainEvent } from "./catalog";

const DOCUMENT_NAMES: Record<string, string> = {
  DRIVERS_LICENSE: "driver's license",
  CAR: "car photo",
  DAMAGE: "damage photo",
};

/** How a customer calls a document type ("document" for one it does not know). */
export const documentName = (documentType: unknown): string => DOCUMENT_NAMES[String(documentType)] ?? "document";

const FRAUD_ONLY_FIELDS = new Set(["fraudType", "fraudReason", "fraudReasons"]);

/** The next step a customer is told when a fraud check holds back one of its documents or claims. */
export function customerNotice(of: object): string {
  const detail = of as { documentType?: unknown; claimId?: unknown; fraudType?: unknown };
  if (detail.fraudType === "CLAIMS" || (detail.claimId !== undefined && detail.fraudType === undefined)) {
    return "Your claim needs a review by an adjuster. We will contact you; there is nothing you need to do now.";
  }
  const name = documentName(detail.documentType);
  return `We could not accept your ${name}. Please upload a clear photo of your current ${name} in the app.`;
}

/** An event as its customer receives it (stream, event log, emails): fraud verdicts without their reasons. */
export function eventForCustomer(event: DomainEvent): DomainEvent {
  if (event["detail-type"] !== "Fraud.Detected") return event;
  const detail = event.detail as Record<string, unknown>;
  const shown = Object.fromEntries(Object.entries(detail).filter(([key]) => !FRAUD_ONLY_FIELDS.has(key)));
  return { ...event, detail: { ...shown, message: customerNotice(detail) } as never };
}
