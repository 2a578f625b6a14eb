import { introspectWorkflow } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { DamagePhotoAssessment } from "../../src/fnol/damage-photo";
import { waitForEvent } from "../customers/journey";
import { claimBody } from "./claim-body";
import { addVendors, carScenePhoto, claimReadyCustomer, fileClaim, putImage } from "./claim-journey";

/**
 * The result of the photo-assessment step for orchestration tests: it stands in for the three
 * photo models so these tests exercise the Workflow's order, idempotency and retries; the models'
 * own answers are asserted in the end-to-end journey.
 */
export const assessedPhoto = (
  severity: Record<"minor" | "moderate" | "severe", number>,
  damage = 0.93,
): DamagePhotoAssessment => ({
  usable: true,
  qualityScore: 0.8,
  damageProbability: damage,
  damage: { Name: damage >= 0.5 ? "damage" : "no_damage", Confidence: Math.max(damage, 1 - damage) * 100 },
  colour: {
    label: "green",
    confidence: 0.92,
    probabilities: {
      black: 0.01,
      blue: 0.01,
      brown: 0.01,
      green: 0.92,
      pink: 0.01,
      red: 0.01,
      silver: 0.01,
      white: 0.01,
      yellow: 0.01,
    },
  },
  severity: {
    label: Object.entries(severity).sort((a, b) => b[1] - a[1])[0]![0] as "minor",
    confidence: Math.max(...Object.values(severity)),
    probabilities: severity,
  },
  models: { damage: "damage-test", colour: "colour-test", severity: "severity-test" },
});

/**
 * A claim taken through the Workflow to Vendor.Finalized, with vendors at the customer's place;
 * the photo-assessment step's result is given (see assessedPhoto).
 */
export async function settledClaim(
  severity: Record<"minor" | "moderate" | "severe", number> = { minor: 0.1, moderate: 0.8, severe: 0.1 },
  rates: number[] = [35, 38],
) {
  await using introspector = await introspectWorkflow(env.CLAIM_WORKFLOW);
  await introspector.modifyAll(async (m) => {
    await m.mockStepResult({ name: "analyse damage photo 1" }, assessedPhoto(severity));
  });
  const customer = await claimReadyCustomer();
  const vendorIds = await addVendors(customer.address, rates);
  const claimId = await fileClaim(customer.token, claimBody(customer));
  const accepted = await waitForEvent(customer.customerId, "Claim.Accepted");
  await putImage(accepted.detail.uploadCarDamageUrl as string, await carScenePhoto());
  const [instance] = await introspector.get();
  await instance!.waitForStatus("complete");
  const settlement = await waitForEvent(customer.customerId, "Settlement.Finalized");
  const vendor = await waitForEvent(customer.customerId, "Vendor.Finalized");
  return { customer, claimId, vendorIds, settlement, vendor };
}
