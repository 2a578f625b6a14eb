import { eq } from "drizzle-orm";
import { customerDocuments } from "../../db/schema";
import { checkCarColour } from "../../domain/document-fraud/colour-check";
import type { ModelColour } from "../../domain/document-fraud/colour-names";
import { checkDriversLicence } from "../../domain/document-fraud/licence-check";
import { domainEvent, type EventDetail } from "../../domain/events/catalog";
import { eventIdFor } from "../../domain/events/event-id";
import type { LicenceFields } from "../../domain/licence/fields";
import { NO_REACTION, type Reactor } from "../../events/reactor";
import { findCustomer, findDocument, findPolicyAndVehicle } from "../customer-records";

type Processed = EventDetail<"Document.Processed">;

export const COLOUR_MISMATCH_REASON = "Color of vehicle doesn't match the color on the policy.";

interface Verdict {
  reasons: string[];
  fraudType: "DOCUMENT" | "SIGNUP.CAR";
}

/**
 * Document.Processed → Fraud.Detected or Fraud.Not.Detected: a licence against the signup (names,
 * expiry, readable number), a car photo against the policy's colour. The verdict is stored on the
 * document in the same batch as its event; the event id is derived from the one it answers.
 */
export const documentFraudReactor: Reactor = {
  name: "document-fraud",
  reactsTo: ["Document.Processed"],
  async react(_env, db, event) {
    const detail = event.detail as Processed;
    // A claim's damage photo is judged by the claim Workflow, in the batch that records it.
    if (detail.documentType === "CAR" && detail.analyzedFieldAndValues.type === "claims") return NO_REACTION;
    const [customer, document] = await Promise.all([
      findCustomer(db, detail.customerId),
      findDocument(db, detail.recordId),
    ]);
    if (!customer || customer.erasedAt || !document) return NO_REACTION;
    let verdict: Verdict;
    if (detail.documentType === "DRIVERS_LICENSE") {
      const readByOcr = new Set((document.analysis?.readByOcr as string[] | undefined) ?? []);
      const check = checkDriversLicence({
        signup: { firstName: customer.firstName ?? "", lastName: customer.lastName ?? "" },
        fields: detail.analyzedFieldAndValues as LicenceFields,
        readByOcr,
        today: event.time.slice(0, 10),
      });
      verdict = { reasons: check.fraud ? check.reasons : [], fraudType: "DOCUMENT" };
    } else {
      const insured = await findPolicyAndVehicle(db, customer.id);
      const probabilities = document.analysis?.colourProbabilities as Record<ModelColour, number> | undefined;
      const check =
        insured && probabilities ? checkCarColour({ policyColour: insured.policy.color, probabilities }) : undefined;
      verdict = {
        reasons:
          check?.compared && check.mismatch
            ? [
                COLOUR_MISMATCH_REASON,
                `The photo shows a ${check.predicted} car (${Math.round(check.confidence * 100)}%); the policy says ${insured!.policy.color}.`,
              ]
            : [],
        fraudType: "SIGNUP.CAR",
      };
    }
    const id = await eventIdFor(event.id, "fraud-verdict");
    const base = { customerId: customer.id, recordId: document.id, documentType: detail.documentType };
    const verdictEvent =
      verdict.reasons.length > 0
        ? domainEvent(
            "Fraud.Detected",
            id,
            { ...base, fraudType: verdict.fraudType, fraudReason: verdict.reasons[0]!, fraudReasons: verdict.reasons },
            new Date().toISOString(),
          )
        : domainEvent("Fraud.Not.Detected", id, base, new Date().toISOString());
    return {
      statements: [
        db
          .update(customerDocuments)
          .set(
            verdict.reasons.length > 0
              ? { fraudVerdict: "DETECTED", fraudType: verdict.fraudType, fraudReason: verdict.reasons.join(" ") }
              : { fraudVerdict: "NOT_DETECTED", fraudType: null, fraudReason: null },
          )
          .where(eq(customerDocuments.id, document.id)),
      ],
      events: [verdictEvent],
    };
  },
};
