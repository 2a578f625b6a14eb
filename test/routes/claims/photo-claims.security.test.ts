import { beforeAll, describe, it } from "vitest";
import { api, createUser, expectError, type TestUser } from "../../helpers";
import { installDamageModel, photos, toBase64 } from "./photo-fixtures";

let customer: TestUser;
let other: TestUser;
let images: Awaited<ReturnType<typeof photos>>;

beforeAll(async () => {
  await installDamageModel();
  customer = await createUser("customer");
  other = await createUser("customer");
  images = await photos();
});

const validate = (body: unknown, user = customer) =>
  api("/api/v1/claims/validate", { method: "POST", token: user.token, body });
const newClaimId = () => `CLM-${crypto.randomUUID().slice(0, 8)}`;

describe("POST /api/v1/claims/validate", () => {
  it("a customer may not submit for another customer; insurers and providers may not submit", async () => {
    await expectError(
      await validate({ claim_id: newClaimId(), customer_id: other.customerId, image: toBase64(images.sharp) }),
      403,
      "FORBIDDEN",
    );
    for (const role of ["insurer", "provider"] as const) {
      const user = await createUser(role);
      await expectError(
        await validate({ claim_id: newClaimId(), customer_id: "X", image: "x" }, user),
        403,
        "FORBIDDEN",
      );
    }
  });
});
