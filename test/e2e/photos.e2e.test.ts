import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { overrideResponseSchema, photoValidationSchema } from "../../src/routes/claims/schema";
import { as, call, expectErrorCode, signedUpCustomer } from "./http";

// Whole-car photos are large enough for the 320 px minimum (the damaged ones are thumbnails).
const WHOLE = "../shared/data/car_damage/training/01-whole";

describe("damage photos (over HTTP against wrangler dev, the model loaded from R2)", () => {
  it.skipIf(!existsSync(WHOLE))(
    "decides real photos of undamaged cars, contests a rejection, and refuses a bad photo",
    async () => {
      const { customerId, token: customer } = await signedUpCustomer();
      const files = readdirSync(WHOLE)
        .filter((f) => /\.jpe?g$/i.test(f))
        .slice(0, 30);
      const decisions = [];
      for (const [i, file] of files.entries()) {
        const image = readFileSync(`${WHOLE}/${file}`).toString("base64");
        const res = await call("/api/v1/claims/validate", {
          method: "POST",
          token: customer,
          body: { claim_id: `E2E-${i}`, customer_id: customerId, image },
        });
        if (res.status === 400) continue; // a thumbnail under 320 px or too blurry: refused before the model
        decisions.push(as(res, photoValidationSchema));
      }
      expect(decisions.length).toBeGreaterThan(10);
      for (const d of decisions)
        expect(d.effective_status).toBe(
          d.result.damage_detected && d.result.confidence >= 0.7 ? "APPROVED" : "REJECTED",
        );
      // The card's held-out accuracy on undamaged cars is 0.96: nearly all are rejected with no_damage.
      expect(decisions.filter((d) => d.reason === "no_damage").length / decisions.length).toBeGreaterThan(0.8);

      const rejected = decisions.find((d) => d.effective_status === "REJECTED");
      if (rejected) {
        const overridden = await call(`/api/v1/claims/${rejected.claim_id}/override`, {
          method: "PUT",
          token: customer,
          body: { reason: "The dent is visible on the rear door" },
        });
        expect(as(overridden, overrideResponseSchema)).toMatchObject({
          effective_status: "APPROVED",
          system_status: "REJECTED",
        });
      }
      const bad = await call("/api/v1/claims/validate", {
        method: "POST",
        token: customer,
        body: { claim_id: "E2E-bad", customer_id: customerId, image: "not-base64!!" },
      });
      expectErrorCode(bad, 400, "INVALID_IMAGE");
    },
  );
});
