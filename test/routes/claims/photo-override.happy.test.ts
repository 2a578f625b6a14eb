import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { putOverrideRoute } from "../../../src/routes/claims/override/put";
import { postPhotoValidationRoute } from "../../../src/routes/claims/validate/post";
import { api, createUser, readAs, readBody, type TestUser } from "../../helpers";
import { encodeJpeg, makeScene } from "../../photo/scene";
import { photoClaimDetail } from "./claim-details";
import { installDamageModel, toBase64 } from "./photo-fixtures";

let customer: TestUser;
let noDamagePhoto: string;

beforeAll(async () => {
  await installDamageModel();
  customer = await createUser("customer");
  // A textured scene without a car: the model rejects it with no_damage.
  noDamagePhoto = toBase64(await encodeJpeg(makeScene(800, 600, 3), 85));
});

const submit = (claimId: string, user = customer) =>
  api("/api/v1/claims/validate", {
    method: "POST",
    token: user.token,
    body: { claim_id: claimId, customer_id: user.customerId, image: noDamagePhoto },
  });
const override = (claimId: string, user = customer, reason = "User confirmed damage visible despite AI rejection") =>
  api(`/api/v1/claims/${claimId}/override`, { method: "PUT", token: user.token, body: { reason } });

const photoState = z.object({ effective_status: z.string(), system_status: z.string() });
const photoTrail = z.array(z.object({ action: z.string(), before: photoState.nullable(), after: photoState }));

describe("PUT /api/v1/claims/{id}/override", () => {
  it("turns a rejected claim into APPROVED; the system status never changes", async () => {
    const claimId = `CLM-${crypto.randomUUID().slice(0, 8)}`;
    const submitted = await readAs(await submit(claimId), postPhotoValidationRoute, 200);
    expect(submitted).toMatchObject({ effective_status: "REJECTED", reason: "no_damage", user_override_allowed: true });

    const body = await readAs(await override(claimId), putOverrideRoute, 200);
    expect(body).toMatchObject({
      claim_id: claimId,
      effective_status: "APPROVED",
      system_status: "REJECTED",
      user_override: true,
      override_reason: "User confirmed damage visible despite AI rejection",
      message: "Claim status updated. Flagged for manual review during processing.",
    });

    const detail = await readBody(await api(`/api/v1/claims/${claimId}`, { token: customer.token }), photoClaimDetail);
    expect(detail).toMatchObject({
      effective_status: "APPROVED",
      system_status: "REJECTED",
      user_override: true,
      override_timestamp: body.override_timestamp,
    });
    expect(detail.audit_trail.map((e) => e.action)).toEqual(["claim.photo_submitted", "claim.overridden"]);
  });

  it("a resubmission replaces the result and clears the override, saying so in the response and the trail", async () => {
    const claimId = `CLM-${crypto.randomUUID().slice(0, 8)}`;
    expect((await readAs(await submit(claimId), postPhotoValidationRoute, 200)).override_cleared).toBe(false);
    await override(claimId);
    const resubmitted = await readAs(await submit(claimId), postPhotoValidationRoute, 200);
    expect(resubmitted).toMatchObject({ effective_status: "REJECTED", override_cleared: true });
    const detail = await readBody(await api(`/api/v1/claims/${claimId}`, { token: customer.token }), photoClaimDetail);
    expect(detail).toMatchObject({ effective_status: "REJECTED", system_status: "REJECTED", user_override: false });
    expect(detail.override_reason).toBeUndefined();
    expect(detail.audit_trail.map((e) => e.action)).toEqual([
      "claim.photo_submitted",
      "claim.overridden",
      "claim.override_cleared_by_resubmission",
    ]);
    expect(detail.audit_trail[2]).toMatchObject({
      before: { effective_status: "APPROVED", user_override: true },
      after: { effective_status: "REJECTED", user_override: false, override_cleared: true },
    });
    // A resubmission of a claim with no override clears nothing.
    expect((await readAs(await submit(claimId), postPhotoValidationRoute, 200)).override_cleared).toBe(false);
  });

  it("serialises 50 concurrent overrides and resubmissions of one claim: a consistent end state and every step audited", async () => {
    const claimId = `CLM-${crypto.randomUUID().slice(0, 8)}`;
    await submit(claimId);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? override(claimId) : submit(claimId))),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const accepted = statuses.filter((s) => s === 200).length;

    const detail = await readBody(await api(`/api/v1/claims/${claimId}`, { token: customer.token }), photoClaimDetail);
    const trail = photoTrail.parse(detail.audit_trail);
    // Every accepted step, and nothing else, is in the trail (plus the first submission).
    expect(trail).toHaveLength(1 + accepted);
    // Replayed in order, each step starts from where the previous one ended.
    for (let i = 1; i < trail.length; i++) {
      expect(trail[i]!.before?.effective_status).toBe(trail[i - 1]!.after.effective_status);
      expect(trail[i]!.before?.system_status).toBe(trail[i - 1]!.after.system_status);
      if (trail[i]!.action === "claim.overridden") expect(trail[i]!.before?.effective_status).toBe("REJECTED");
    }
    for (const step of trail) expect(step.after.system_status).toBe("REJECTED");
    const last = trail.at(-1)!;
    expect(detail.effective_status).toBe(last.after.effective_status);
    expect(detail.user_override).toBe(last.action === "claim.overridden");
  });
});
