import { readdirSync, readFileSync } from "node:fs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { listEventsRoute } from "../../src/routes/events/list";
import { getFnolClaimRoute } from "../../src/routes/fnol/claims/get";
import { claimBody } from "../fnol/claim-body";
import {
  COLOURS,
  claimReady,
  DAMAGED,
  fileClaim,
  has,
  photo,
  put,
  ready,
  type StreamedEvent,
  schemaOf,
  types,
  WHOLE_CARS,
} from "./fnol-client";
import { as, call } from "./http";

const claimView = async (claimId: string, token: string) =>
  as(await call(`/api/v1/fnol/claims/${claimId}`, { token }), schemaOf(getFnolClaimRoute, 200)) as {
    stage: string;
    stage_reason: string | null;
    status: string;
    photo_attempts: number;
    settlement: { payout: number; out_of_pocket: number } | null;
    rental: { booked: boolean; vendor: string | null } | null;
  };

const staffEvents = async (customerId: string, type: string, admin: string) =>
  (
    as(
      await call(`/api/v1/events?customer_id=${customerId}&detail_type=${type}`, { token: admin }),
      schemaOf(listEventsRoute, 200),
    ) as { events: StreamedEvent[] }
  ).events;

describe.skipIf(!ready)("first notice of loss, the claim (over HTTP against wrangler dev, a WebSocket client)", () => {
  it("claim → Claim.Accepted → damage photo → Document.Processed → Fraud.Not.Detected → Settlement.Finalized → Vendor.Finalized, in order", async () => {
    const customer = await claimReady("White");
    const claimId = await fileClaim(customer.token, claimBody(customer));
    const accepted = await customer.stream.until(has("Claim.Accepted"), "Claim.Accepted");
    const url = String(accepted.at(-1)!.detail.uploadCarDamageUrl);
    expect((await put(url, await photo(DAMAGED.white))).status).toBe(202);
    const events = await customer.stream.until(has("Vendor.Finalized"), "Vendor.Finalized", 90_000);
    const claimEvents = events.slice(types(events).indexOf("Claim.Requested"));
    expect(types(claimEvents)).toEqual([
      "Claim.Requested",
      "Claim.Accepted",
      "Document.Processed",
      "Fraud.Not.Detected",
      "Settlement.Finalized",
      "Vendor.Finalized",
    ]);
    expect(claimEvents[2]!.detail).toMatchObject({
      claimId,
      documentType: "CAR",
      analyzedFieldAndValues: { type: "claims", damage: { Name: "damage" } },
    });
    const settlement = claimEvents[4]!.detail as { out_of_pocket: number; settlementMessage: string; payout: number };
    expect(settlement.settlementMessage).toContain(`per claim id ${claimId}, your out-of-pocket expense will be $`);
    expect(settlement.out_of_pocket).toBeGreaterThan(0);
    expect(claimEvents[5]!.detail).toMatchObject({ claimId, finalized: true, vendor: "Rental 1", daily_rate: 29.99 });
    const view = await claimView(claimId, customer.token);
    expect(view).toMatchObject({ stage: "SETTLED", status: "APPROVED", rental: { booked: true, vendor: "Rental 1" } });
    expect(view.settlement!.payout).toBe(settlement.payout);
    await customer.stream.close();
  });

  it("rejections: licence mismatch and an incident before the cover, each with Claim.Rejected and a REJECTED claim", async () => {
    const customer = await claimReady("White");
    const mismatch = await fileClaim(customer.token, claimBody(customer, { driversLicenseNumber: "X0000000" }));
    const before = await fileClaim(
      customer.token,
      claimBody(customer, {
        occurrenceDateTime: new Date(Date.now() - 5 * 86_400_000).toISOString(),
      }),
    );
    const events = await customer.stream.until(has("Claim.Rejected", 2), "two rejections");
    const rejected = events.filter((e) => e["detail-type"] === "Claim.Rejected").map((e) => e.detail);
    expect(rejected).toEqual(
      expect.arrayContaining([
        {
          customerId: customer.customerId,
          claimId: mismatch,
          message: "Personal information (Driver's License) does not match",
          reason: "LICENCE_MISMATCH",
        },
        {
          customerId: customer.customerId,
          claimId: before,
          message: "The policy was not active at the time of the incident",
          reason: "POLICY_INACTIVE",
        },
      ]),
    );
    expect(await claimView(mismatch, customer.token)).toMatchObject({
      stage: "REJECTED",
      stage_reason: "LICENCE_MISMATCH",
      status: "REJECTED",
    });
    expect(await claimView(before, customer.token)).toMatchObject({
      stage: "REJECTED",
      stage_reason: "POLICY_INACTIVE",
    });
    await customer.stream.close();
  });

  it("a photo too poor: Document.Rejected with guidance and a new URL, the claim still waiting; then another car's colour: Fraud.Detected (CLAIMS)", async () => {
    const customer = await claimReady("Blue");
    const claimId = await fileClaim(customer.token, claimBody(customer));
    const accepted = await customer.stream.until(has("Claim.Accepted"), "Claim.Accepted");
    const dark = new Uint8Array(
      await sharp(DAMAGED.red)
        .resize(448, 448)
        .blur(12)
        .modulate({ brightness: 0.06 })
        .jpeg({ quality: 80 })
        .toBuffer(),
    );
    expect((await put(String(accepted.at(-1)!.detail.uploadCarDamageUrl), dark)).status).toBe(202);
    const afterPoor = await customer.stream.until(has("Document.Rejected"), "Document.Rejected", 60_000);
    const rejection = afterPoor.at(-1)!.detail as {
      code: string;
      guidance: string[];
      uploadCarDamageUrl: string;
      attemptsLeft: number;
    };
    expect(rejection).toMatchObject({ claimId, code: "QUALITY_TOO_LOW", attemptsLeft: 2 });
    expect(rejection.guidance.length).toBeGreaterThan(0);
    expect(await claimView(claimId, customer.token)).toMatchObject({ stage: "AWAITING_PHOTO", photo_attempts: 1 });

    // A car the colour model is sure is red (the signup test's), on a policy for a blue car.
    const redCar = `${COLOURS}/red/${readdirSync(`${COLOURS}/red`).sort()[1]}`;
    expect((await put(rejection.uploadCarDamageUrl, await photo(redCar))).status).toBe(202);
    const verdict = await customer.stream.until(
      (events) => has("Fraud.Detected")(events) || has("Fraud.Not.Detected", 2)(events),
      "the claim's verdict",
      90_000,
    );
    expect(verdict.at(-1)!["detail-type"]).toBe("Fraud.Detected");
    expect(verdict.at(-1)!.detail).toMatchObject({ claimId, documentType: "CAR" });
    expect(JSON.stringify(verdict.at(-1))).not.toMatch(/fraudReason/);
    const staff = (await staffEvents(customer.customerId, "Fraud.Detected", customer.admin)).at(-1)!.detail;
    expect(staff).toMatchObject({ claimId, fraudType: "CLAIMS" });
    expect(staff.fraudReasons).toContain("Color of vehicle doesn't match the color on the policy.");
    // Staff read the fraud stage; the customer reads that an adjuster reviews it.
    expect(await claimView(claimId, customer.admin)).toMatchObject({ stage: "FRAUD_DETECTED", status: "REJECTED" });
    expect(await claimView(claimId, customer.token)).toMatchObject({ stage: "UNDER_REVIEW", status: "REJECTED" });
    await customer.stream.close();
  });

  it('a photo of an undamaged car: Fraud.Detected (CLAIMS) with "No damage detected."', async () => {
    const customer = await claimReady("Rainbow");
    const claimId = await fileClaim(customer.token, claimBody(customer));
    const accepted = await customer.stream.until(has("Claim.Accepted"), "Claim.Accepted");
    // A whole car photographed at its size (the set's few thumbnails would be refused as blurry once enlarged).
    const whole = readFileSync(`${WHOLE_CARS}/${readdirSync(WHOLE_CARS).sort()[1]}`);
    expect((await sharp(whole).metadata()).width).toBeGreaterThanOrEqual(400);
    expect((await put(String(accepted.at(-1)!.detail.uploadCarDamageUrl), new Uint8Array(whole))).status).toBe(202);
    await customer.stream.until(has("Fraud.Detected", 1), "the claim's verdict", 90_000);
    const staff = (await staffEvents(customer.customerId, "Fraud.Detected", customer.admin)).at(-1)!.detail;
    expect(staff).toMatchObject({ claimId, fraudType: "CLAIMS", fraudReason: "No damage detected." });
    expect(await claimView(claimId, customer.admin)).toMatchObject({ stage: "FRAUD_DETECTED" });
    expect(await claimView(claimId, customer.token)).toMatchObject({ stage: "UNDER_REVIEW" });
    await customer.stream.close();
  });
});
