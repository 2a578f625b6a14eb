import { beforeAll, describe, expect, it } from "vitest";
import { api, createUser, expectError, type TestUser } from "../../helpers";
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
  api("/api/v1/claims/validate", {
    method: "POST",
    token: user.token,
    body: { claim_id: claimId, customer_id: user.customerId, image: noDamagePhoto },
  });
const override = (claimId: string, user = customer, reason = "User confirmed damage visible despite AI rejection") =>
  api(`/api/v1/claims/${claimId}/override`, { method: "PUT", token: user.token, body: { reason } });

describe("PUT /api/v1/claims/{id}/override", () => {
  it("only the claim's customer or staff may override; others get 404", async () => {
    const claimId = `CLM-${crypto.randomUUID().slice(0, 8)}`;
    await submit(claimId);
    const stranger = await createUser("customer");
    await expectError(await override(claimId, stranger), 404, "CLAIM_NOT_FOUND");
    const provider = await createUser("provider");
    await expectError(await override(claimId, provider), 403, "FORBIDDEN");
    const admin = await createUser("admin");
    expect((await override(claimId, admin)).status).toBe(200);
  });
});
