import type { Schemas } from "./api/client";
import { formatMoney } from "./components/bar-chart";

type DomainEvent = Schemas["DomainEvent"];

const percent = (n: unknown, scale = 1) => (typeof n === "number" ? `${Math.round(n * scale)}%` : "?");
const text = (value: unknown) => (typeof value === "string" ? value : "");
const money = (value: unknown) => formatMoney(typeof value === "number" ? value : null);

/** One claim event in words: what happened and the detail fields an adjuster or customer acts on. */
export function describeClaimEvent(event: DomainEvent): string {
  const d = event.detail as Record<string, unknown>;
  switch (event["detail-type"]) {
    case "Claim.Requested":
      return "The customer filed the claim";
    case "Claim.Accepted":
      return text(d.message) || "The claim passed its checks; the damage photo may be uploaded";
    case "Claim.Rejected":
      return [text(d.message), d.reason ? `(${text(d.reason)})` : ""].filter(Boolean).join(" ");
    case "Document.Processed": {
      const analysis = d.analyzedFieldAndValues as
        | { damage?: { Name?: string; Confidence?: number }; color?: { Name?: string; Confidence?: number } }
        | undefined;
      if (!analysis?.damage) return "A document was read";
      return (
        `Damage photo read: ${analysis.damage.Name?.replace("_", " ")} (${percent(analysis.damage.Confidence)}), ` +
        `colour ${analysis.color?.Name ?? "?"} (${percent(analysis.color?.Confidence)})`
      );
    }
    case "Document.Rejected":
      return d.claimId
        ? `Damage photo refused: ${text(d.message)} (${d.attemptsLeft ?? 0} attempts left)`
        : `Document unreadable: ${text(d.message)}`;
    case "Fraud.Detected":
      // Staff read the reasons; a customer's copy carries only the notice of what happens next.
      return d.fraudReason ? `Fraud check failed: ${text(d.fraudReason)}` : text(d.message) || "Held for a review";
    case "Fraud.Not.Detected":
      return "Fraud check passed";
    case "Settlement.Finalized":
      return (
        `Settlement version ${d.version}: payout ${money(d.payout)}, deductible ${money(d.deductible)}, ` +
        `${d.rental_days} rental days${d.total_loss ? ", total loss" : ""}${d.overridden ? " — revised by an adjuster" : ""}`
      );
    case "Vendor.Finalized":
      return d.finalized
        ? `Rental car booked with ${text(d.vendor)}: ${d.days} days at ${money(d.daily_rate)} a day (${money(d.total_cost)})`
        : `No rental car booked: ${text(d.reason) || text(d.vendorMessage)}`;
    default:
      return "";
  }
}
