import { findCustomer } from "../customers/customer-records";
import { verificationCodeStatements } from "../customers/email-verification";
import { customerNotice, documentName } from "../domain/events/customer-view";
import { uuidV5 } from "../domain/settlement/uuid-v5";
import { NO_REACTION, type Reactor } from "../events/reactor";
import { queueEmail } from "./email-outbox";

const EMAIL_NAMESPACE = "c3f0e6a4-2b8d-4e1f-8a7c-91d5b2e4f063";

/**
 * Emails the customer what it must know or do: the verification code at signup, the outcome of
 * screening, a document that was not accepted. The email's id is derived from the event, and it
 * is written in the reactor's batch, so a redelivered event sends nothing twice.
 */
export const notificationReactor: Reactor = {
  name: "notifications",
  reactsTo: ["Customer.Submitted", "Customer.Accepted", "Customer.Rejected", "Fraud.Detected"],
  async react(env, db, event) {
    const { customerId } = event.detail as { customerId: string };
    const customer = await findCustomer(db, customerId);
    if (!customer?.email || customer.erasedAt) return NO_REACTION;
    const emailId = await uuidV5(EMAIL_NAMESPACE, event.id);
    const send = (subject: string, body: string) => ({
      statements: [queueEmail(db, { customerId, recipient: customer.email!, subject, body }, emailId)],
      events: [],
    });
    const hello = `Hello ${customer.firstName ?? ""},\n\n`;
    switch (event["detail-type"]) {
      case "Customer.Submitted":
        return { statements: await verificationCodeStatements(env, db, customer, new Date(), emailId), events: [] };
      case "Customer.Accepted": {
        const { policyId } = event.detail as { policyId: string };
        return send(
          `Your policy ${policyId} is active`,
          `${hello}your policy ${policyId} is active. Upload a photo of your driver's license and of your car in the app to complete your signup.`,
        );
      }
      case "Customer.Rejected": {
        const { reason } = event.detail as { reason: string };
        return send("We could not accept your signup", `${hello}we could not accept your signup: ${reason}`);
      }
      case "Fraud.Detected": {
        const { documentType } = event.detail as { documentType: string };
        return send(`About your ${documentName(documentType)}`, `${hello}${customerNotice(event.detail)}`);
      }
      default:
        return NO_REACTION;
    }
  },
};
