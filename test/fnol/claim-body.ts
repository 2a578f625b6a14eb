// A first notice of loss as the app files it (POST /fnol/claims), shared by the workerd tests,
// the end-to-end tests and the bench. Pure: nothing here may import cloudflare:* or vitest.

/** The driver's licence number of the licence images the journeys upload (back-v10-scan.jpg). */
export const JOURNEY_LICENCE_NUMBER = "908393596";

export function claimBody(
  customer: { customerId: string; policyId: string; licenceNumber?: string },
  overrides: {
    occurrenceDateTime?: string;
    fnolDateTime?: string;
    driversLicenseNumber?: string;
    policyId?: string;
  } = {},
) {
  const now = Date.now();
  return {
    incident: {
      // Just now: the policy began at signup, which can be less than a second ago.
      occurrenceDateTime: overrides.occurrenceDateTime ?? new Date(now - 1).toISOString(),
      fnolDateTime: overrides.fnolDateTime ?? new Date(now).toISOString(),
      location: { country: "US", state: "AZ", city: "Phoenix", zip: "85007", road: "W Washington St" },
      description: "Rear-ended at a red light.",
    },
    policy: { id: overrides.policyId ?? customer.policyId },
    personalInformation: {
      customerId: customer.customerId,
      driversLicenseNumber: overrides.driversLicenseNumber ?? customer.licenceNumber ?? JOURNEY_LICENCE_NUMBER,
      isInsurerDriver: true,
      licensePlateNumber: "ABC1234",
      numberOfPassengers: 1,
    },
    policeReport: { isFiled: true, reportOrReceiptAvailable: false },
    otherParty: { insuranceId: "OP-778812", insuranceCompany: "Other Mutual", firstName: "Jane", lastName: "Roe" },
  };
}
