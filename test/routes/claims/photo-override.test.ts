import { beforeAll, describe, expect, it } from "vitest";
import { api, createUser, expectError, json, type TestUser } from "../../helpers";
import { encodeJpeg, makeScene } from "../../photo/scene";
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
  api("/api/v1/claims/validate", { method: "POST", token: user.token, body: { claim_id: claimId, customer_id: user.customerId, image: noDamagePhoto } });
const override = (claimId: string, user = customer, reason = "User confirmed damage visible despite AI rejection") =>
  api(`/api/v1/claims/${claimId}/override`, { method: "PUT", token: user.token, body: { reason } });

describe("PUT /api/v1/claims/{id}/override ", () => {
  it("turns a rejected claim into APPROVED; the system status never changes; a second override has nothing to do", async () => {
    const claimId = `CLM-${crypto.randomUUID().slice(0, 8)}`;
    const submitted = await json(await submit(claimId));
    expect(submitted).toMatchObject({ effective_status: "REJECTED", reason: "no_damage", user_override_allowed: true });

    const res = await override(claimId);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({
      claim_id: claimId,
      effective_status: "APPROVED",
      system_status: "REJECTED",
      user_override: true,
      override_reason: "User confirmed damage visible despite AI rejection",
      message: "Claim status updated. Flagged for manual review during processing.",
    });

    const detail = await json(await api(`/api/v1/claims/${claimId}`, { token: customer.token }));
    expect(detail).toMatchObject({ effective_status: "APPROVED", system_status: "REJECTED", user_override: true, override_timestamp: body.override_timestamp });
    expect(detail.audit_trail.map((e: { action: string }) => e.action)).toEqual(["claim.photo_submitted", "claim.overridden"]);

    await expectError(await override(claimId), 409, "CONFLICT");
  });

  it("a resubmission replaces the result and clears the override", async () => {
    const claimId = `CLM-${crypto.randomUUID().slice(0, 8)}`;
    await submit(claimId);
    await override(claimId);
    await submit(claimId);
    const detail = await json(await api(`/api/v1/claims/${claimId}`, { token: customer.token }));
    expect(detail).toMatchObject({ effective_status: "REJECTED", system_status: "REJECTED", user_override: false });
    expect(detail.override_reason).toBeUndefined();
  });

  it("only the claim's customer or staff may override; others get 404", async () => {
    const claimId = `CLM-${crypto.randomUUID().slice(0, 8)}`;
    await submit(claimId);
    const stranger = await createUser("customer");
    await expectError(await override(claimId, stranger), 404, "CLAIM_NOT_FOUND");
    const provider = await createUser("provider");
    await expectError(await override(claimId, provider), 403, "FORBIDDEN");
    await expectError(await api(`/api/v1/claims/${claimId}/override`, { method: "PUT", token: customer.token, body: {} }), 400, "VALIDATION_ERROR");
    const admin = await createUser("admin");
    expect((await override(claimId, admin)).status).toBe(200);
  });

  it("serialises 50 concurrent overrides and resubmissions of one claim: a consistent end state and every step audited", async () => {
    const claimId = `CLM-${crypto.randomUUID().slice(0, 8)}`;
    await submit(claimId);
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? override(claimId) : submit(claimId))));
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const accepted = statuses.filter((s) => s === 200).length;

    const detail = await json(await api(`/api/v1/claims/${claimId}`, { token: customer.token }));
    const trail = detail.audit_trail as { action: string; before: any; after: any }[];
    // Every accepted step, and nothing else, is in the trail (plus the first submission).
    expect(trail).toHaveLength(1 + accepted);
    // Replayed in order, each step starts from where the previous one ended.
    for (let i = 1; i < trail.length; i++) {
      expect(trail[i]!.before.effective_status).toBe(trail[i - 1]!.after.effective_status);
      expect(trail[i]!.before.system_status).toBe(trail[i - 1]!.after.system_status);
      if (trail[i]!.action === "claim.overridden") expect(trail[i]!.before.effective_status).toBe("REJECTED");
    }
    for (const step of trail) expect(step.after.system_status).toBe("REJECTED");
    const last = trail.at(-1)!;
    expect(detail.effective_status).toBe(last.after.effective_status);
    expect(detail.user_override).toBe(last.action === "claim.overridden");
  });
});
