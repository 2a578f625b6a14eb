import type { DetailType } from "./catalog";

export const ERASED = "[ERASED]";

const eraseValues = (fields: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(typeof fields === "object" && fields !== null ? fields : {}).map(([key, value]) => [
      key,
      value === "" ? "" : ERASED,
    ]),
  );

/**
 * The detail of an erased customer's event with every personal value replaced. Ids stay: they
 * are random and, once the customer's record is erased, point to no one. Upload URLs go too
 * (they are bearer credentials, dead by then anyway). Events of other types carry no personal data.
 */
export function pseudonymiseDetail(type: DetailType, detail: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case "Document.Processed":
      return detail.documentType === "DRIVERS_LICENSE"
        ? { ...detail, analyzedFieldAndValues: eraseValues(detail.analyzedFieldAndValues) }
        : detail;
    case "Customer.Accepted":
      return { ...detail, driversLicenseImageUrl: ERASED, carImageUrl: ERASED };
    case "Claim.Accepted":
      return { ...detail, uploadCarDamageUrl: ERASED };
    case "Document.Rejected":
      return detail.uploadCarDamageUrl === null ? detail : { ...detail, uploadCarDamageUrl: ERASED };
    default:
      return detail;
  }
}
