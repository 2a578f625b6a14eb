import { beforeAll, describe, it } from "vitest";
import { EXAMPLE_AUTO_CLAIM } from "../../../src/domain/fraud/example-claim";
import { api, createUser, expectError, type TestUser } from "../../helpers";
import { installCommittedModels } from "../models/install-fixtures";

let insurer: TestUser;

beforeAll(async () => {
  await installCommittedModels();
  insurer = await createUser("insurer");
});

const score = (query: string, body: unknown) =>
  api(`/api/v1/fraud/score${query}`, { method: "POST", token: insurer.token, body });

describe("POST /api/v1/fraud/score", () => {
  it.each([
    ["a negative premium", { ...EXAMPLE_AUTO_CLAIM, policy_annual_premium: -1 }],
    ["hour 25", { ...EXAMPLE_AUTO_CLAIM, incident_hour_of_the_day: 25 }],
    ["a number as text", { ...EXAMPLE_AUTO_CLAIM, age: "forty" }],
    ["an unknown field", { ...EXAMPLE_AUTO_CLAIM, favourite_colour: "red" }],
    ["no facts at all", {}],
  ])("refuses %s with 400", async (_, body) => {
    await expectError(await score("", body), 400, "VALIDATION_ERROR");
  });

  it("refuses unknown options and unavailable models clearly", async () => {
    await expectError(await score("?model=svm", EXAMPLE_AUTO_CLAIM), 400, "VALIDATION_ERROR");
    await expectError(await score("?scenario=panic", EXAMPLE_AUTO_CLAIM), 400, "VALIDATION_ERROR");
    await expectError(await score("?model=et&calibrated=false", EXAMPLE_AUTO_CLAIM), 500, "INFERENCE_ERROR");
  });
});
