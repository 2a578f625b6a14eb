import { introspectWorkflow } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/db/client";
import { settleClaim } from "../../src/fnol/settle-claim";
import { putUploadRoute } from "../../src/routes/uploads/put";
import { MAX_DAMAGE_PHOTOS } from "../../src/workflows/fnol-claim";
import { eventsOf, waitForEvent } from "../customers/journey";
import { claimBody } from "../fnol/claim-body";
import {
  addVendors,
  carScenePhoto,
  claimReadyCustomer,
  claimStage,
  fileClaim,
  installOcrLanguageData,
  putImage,
  tooPoorPhoto,
} from "../fnol/claim-journey";
import { assessedPhoto } from "../fnol/settled-claim";
import { readAs } from "../helpers";

beforeAll(installOcrLanguageData);

const detailTypes = async (customerId: string) => (await eventsOf(customerId)).map((e) => e.detail_type);

describe("the claim Workflow (instance id = claim id)", { timeout: 120_000 }, () => {
  it("accepts a valid claim, waits for the photo it is sent, settles it and books the cheapest local rental", async () => {
    await using introspector = await introspectWorkflow(env.CLAIM_WORKFLOW);
    await introspector.modifyAll(async (m) => {
      await m.mockStepResult(
        { name: "analyse damage photo 1" },
        assessedPhoto({ minor: 0.1, moderate: 0.8, severe: 0.1 }),
      );
    });
    const customer = await claimReadyCustomer();
    const [cheap] = await addVendors(customer.address, [35, 55, 39.5]);
    const claimId = await fileClaim(customer.token, claimBody(customer));
    const accepted = await waitForEvent(customer.customerId, "Claim.Accepted");
    expect(accepted.detail).toMatchObject({
      customerId: customer.customerId,
      claimId,
      message: "Claim Information has been accepted",
    });
    expect(await claimStage(claimId)).toMatchObject({ stage: "AWAITING_PHOTO", status: "PENDING" });

    const receipt = await readAs(
      await putImage(accepted.detail.uploadCarDamageUrl as string, await carScenePhoto()),
      putUploadRoute,
      202,
    );
    expect(receipt).toMatchObject({ document_type: "DAMAGE", claim_id: claimId });
    const [instance] = await introspector.get();
    expect(instance).toBeDefined();
    await instance!.waitForStatus("complete");
    expect(await instance!.getOutput()).toMatchObject({ stage: "SETTLED" });

    const vendor = await waitForEvent(customer.customerId, "Vendor.Finalized");
    expect((await detailTypes(customer.customerId)).slice(4)).toEqual([
      "Claim.Requested",
      "Claim.Accepted",
      "Document.Processed",
      "Fraud.Not.Detected",
      "Settlement.Finalized",
      "Vendor.Finalized",
    ]);
    const settlement = await waitForEvent(customer.customerId, "Settlement.Finalized");
    expect(settlement.detail).toMatchObject({
      claimId,
      customerId: customer.customerId,
      version: 1,
      total_loss: false,
      currency: "USD",
    });
    expect(settlement.detail.settlementMessage).toMatch(
      new RegExp(`per claim id ${claimId}, your out-of-pocket expense will be \\$500\\.00\\.`),
    );
    expect(vendor.detail).toMatchObject({ claimId, finalized: true, vendorId: cheap, daily_rate: 35, reason: null });
    expect(await claimStage(claimId)).toMatchObject({ stage: "SETTLED", status: "APPROVED" });
    const processed = await waitForEvent(customer.customerId, "Document.Processed", 2);
    expect(processed.detail).toMatchObject({
      recordId: receipt.document_id,
      claimId,
      analyzedFieldAndValues: { type: "claims" },
    });
  });

  it("retries a failing settlement step and still writes one settlement; a replayed step writes nothing", async () => {
    await using introspector = await introspectWorkflow(env.CLAIM_WORKFLOW);
    await introspector.modifyAll(async (m) => {
      await m.disableRetryDelays();
      await m.mockStepResult(
        { name: "analyse damage photo 1" },
        assessedPhoto({ minor: 0.7, moderate: 0.2, severe: 0.1 }),
      );
      await m.mockStepError({ name: "settle claim" }, new Error("D1 briefly unavailable"), 2);
    });
    const customer = await claimReadyCustomer();
    const claimId = await fileClaim(customer.token, claimBody(customer));
    const accepted = await waitForEvent(customer.customerId, "Claim.Accepted");
    await putImage(accepted.detail.uploadCarDamageUrl as string, await carScenePhoto(11));
    const [instance] = await introspector.get();
    await instance!.waitForStatus("complete");
    await waitForEvent(customer.customerId, "Settlement.Finalized");
    await settleClaim(env, createDatabase(env.DB), claimId);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM fnol_settlements WHERE claim_id = ?")
      .bind(claimId)
      .first<{ n: number }>();
    expect(count?.n).toBe(1);
    expect((await detailTypes(customer.customerId)).filter((t) => t === "Settlement.Finalized")).toHaveLength(1);
  });

  it("a mocked photo event reaches the wait; a damage photo that is not this claim's is skipped", async () => {
    await using introspector = await introspectWorkflow(env.CLAIM_WORKFLOW);
    await introspector.modifyAll(async (m) => {
      await m.mockEvent({ type: "damage-photo", payload: { documentId: "not-a-document" } });
      await m.forceEventTimeout({ name: "wait for damage photo 2" });
    });
    const customer = await claimReadyCustomer();
    const claimId = await fileClaim(customer.token, claimBody(customer));
    await waitForEvent(customer.customerId, "Claim.Accepted");
    const [instance] = await introspector.get();
    await instance!.waitForStatus("complete");
    expect(await instance!.waitForStepResult({ name: "analyse damage photo 1" })).toEqual({
      skipped: "NOT_THIS_CLAIMS",
    });
    expect(await instance!.getOutput()).toEqual({ stage: "ABANDONED" });
    expect(await claimStage(claimId)).toMatchObject({ stage: "ABANDONED", status: "REJECTED" });
  });

  it("closes a claim whose photo never comes as abandoned, with Claim.Rejected, and refuses its upload URL after", async () => {
    await using introspector = await introspectWorkflow(env.CLAIM_WORKFLOW);
    await introspector.modifyAll(async (m) => {
      await m.forceEventTimeout({ name: "wait for damage photo 1" });
    });
    const customer = await claimReadyCustomer();
    const claimId = await fileClaim(customer.token, claimBody(customer));
    const rejected = await waitForEvent(customer.customerId, "Claim.Rejected");
    expect(rejected.detail).toMatchObject({ claimId, reason: "ABANDONED" });
    expect(await claimStage(claimId)).toMatchObject({ stage: "ABANDONED", status: "REJECTED" });
    const accepted = await waitForEvent(customer.customerId, "Claim.Accepted");
    expect((await putImage(accepted.detail.uploadCarDamageUrl as string, await carScenePhoto())).status).toBe(403);
  });

  it.each([
    [
      "licence mismatch",
      { driversLicenseNumber: "X0000000" },
      "LICENCE_MISMATCH",
      "Personal information (Driver's License) does not match",
    ],
    [
      "an incident before the policy started",
      { occurrenceDateTime: new Date(Date.now() - 3 * 86_400_000).toISOString() },
      "POLICY_INACTIVE",
      "The policy was not active at the time of the incident",
    ],
    [
      "an incident in the future",
      {
        occurrenceDateTime: new Date(Date.now() + 86_400_000).toISOString(),
        fnolDateTime: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      },
      "OCCURRENCE_IN_FUTURE",
      "The incident cannot have occurred after the claim was filed",
    ],
    [
      "another policy",
      { policyId: "AUT-2026-0000-0000" },
      "POLICY_NOT_FOUND",
      "Policy information does not match: the policy is not one of yours",
    ],
  ] as const)("rejects %s with Claim.Rejected and a REJECTED claim", async (_name, overrides, reason, message) => {
    const customer = await claimReadyCustomer();
    const claimId = await fileClaim(customer.token, claimBody(customer, overrides));
    const rejected = await waitForEvent(customer.customerId, "Claim.Rejected");
    expect(rejected.detail).toEqual({ customerId: customer.customerId, claimId, message, reason });
    expect(await claimStage(claimId)).toMatchObject({ stage: "REJECTED", stage_reason: reason, status: "REJECTED" });
  });

  it("a photo whose assessment fails on every attempt is one to retake: Document.Rejected with a new URL, the claim still open", async () => {
    await using introspector = await introspectWorkflow(env.CLAIM_WORKFLOW);
    await introspector.modifyAll(async (m) => {
      await m.disableRetryDelays();
      await m.mockStepError({ name: "analyse damage photo 1" }, new Error("the model crashed"), 10);
    });
    const customer = await claimReadyCustomer();
    const claimId = await fileClaim(customer.token, claimBody(customer));
    const accepted = await waitForEvent(customer.customerId, "Claim.Accepted");
    expect((await putImage(accepted.detail.uploadCarDamageUrl as string, await carScenePhoto())).status).toBe(202);
    const rejected = await waitForEvent(customer.customerId, "Document.Rejected", 1, 60_000);
    expect(rejected.detail).toMatchObject({
      claimId,
      code: "INVALID_IMAGE",
      message: "The photo could not be assessed",
      attemptsLeft: MAX_DAMAGE_PHOTOS - 1,
    });
    expect(rejected.detail.uploadCarDamageUrl).toEqual(expect.stringContaining("/api/v1/uploads/"));
    expect(await claimStage(claimId)).toMatchObject({ stage: "AWAITING_PHOTO", status: "PENDING" });
  });

  it("a photo too poor to assess: Document.Rejected with guidance and a new URL; the last attempt closes the claim", async () => {
    const customer = await claimReadyCustomer();
    const claimId = await fileClaim(customer.token, claimBody(customer));
    let url = (await waitForEvent(customer.customerId, "Claim.Accepted")).detail.uploadCarDamageUrl as string;
    const poor = await tooPoorPhoto();
    for (let attempt = 1; attempt <= MAX_DAMAGE_PHOTOS; attempt++) {
      expect((await putImage(url, poor)).status).toBe(202);
      const rejected = await waitForEvent(customer.customerId, "Document.Rejected", attempt, 60_000);
      expect(rejected.detail).toMatchObject({
        claimId,
        code: "QUALITY_TOO_LOW",
        attemptsLeft: MAX_DAMAGE_PHOTOS - attempt,
      });
      expect((rejected.detail.guidance as string[]).length).toBeGreaterThan(0);
      if (attempt < MAX_DAMAGE_PHOTOS) {
        expect(await claimStage(claimId)).toMatchObject({ stage: "AWAITING_PHOTO" });
        url = rejected.detail.uploadCarDamageUrl as string;
      } else {
        expect(rejected.detail.uploadCarDamageUrl).toBeNull();
      }
    }
    const closed = await waitForEvent(customer.customerId, "Claim.Rejected");
    expect(closed.detail).toMatchObject({ claimId, reason: "NO_USABLE_PHOTO" });
    expect(await claimStage(claimId)).toMatchObject({ stage: "REJECTED", status: "REJECTED" });
  });
});
