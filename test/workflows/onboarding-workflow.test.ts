import { introspectWorkflow } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { recordOnboardingDecision } from "../../src/customers/onboarding";
import { onboardingInstanceId } from "../../src/customers/onboarding-reactor";
import { createDatabase } from "../../src/db/client";
import { eventsOf, signUp, waitForEvent } from "../customers/journey";
import { randomVin } from "../customers/signup-body";

const policyStatus = async (customerId: string) =>
  (
    await env.DB.prepare("SELECT status FROM auto_policies WHERE customer_id = ?")
      .bind(customerId)
      .first<{ status: string }>()
  )?.status;

describe("the onboarding Workflow", () => {
  it("screens, then records acceptance; its instance id is derived from the customer id", async () => {
    await using introspector = await introspectWorkflow(env.ONBOARDING_WORKFLOW);
    const { customerId, policyId } = await signUp();
    await waitForEvent(customerId, "Customer.Accepted");
    const [instance] = await introspector.get();
    await instance!.waitForStatus("complete");
    expect(await instance!.waitForStepResult({ name: "screen signup" })).toEqual({ accepted: true });
    expect(await instance!.getOutput()).toMatchObject({ status: "ACCEPTED" });
    expect(await env.ONBOARDING_WORKFLOW.get(onboardingInstanceId(customerId))).toBeDefined();
    expect(await policyStatus(customerId)).toBe("ACTIVE");
    expect(policyId).toMatch(/^AUT-/);
  });

  it("retries a failing step and still writes the decision once", async () => {
    await using introspector = await introspectWorkflow(env.ONBOARDING_WORKFLOW);
    await introspector.modifyAll(async (m) => {
      await m.disableRetryDelays();
      await m.mockStepError({ name: "record onboarding decision" }, new Error("D1 briefly unavailable"), 2);
    });
    const { customerId } = await signUp();
    await waitForEvent(customerId, "Customer.Accepted");
    const [instance] = await introspector.get();
    await instance!.waitForStatus("complete");
    expect((await eventsOf(customerId)).map((e) => e.detail_type)).toEqual(["Customer.Submitted", "Customer.Accepted"]);
  });

  it("a replayed decision writes nothing new", async () => {
    const { customerId } = await signUp();
    await waitForEvent(customerId, "Customer.Accepted");
    const outcome = await recordOnboardingDecision(env, createDatabase(env.DB), customerId, { accepted: true });
    expect(outcome).toEqual({ status: "UNCHANGED", current: "ACCEPTED" });
    expect(await eventsOf(customerId)).toHaveLength(2);
  });

  it("rejects a second signup of a car that is already insured, with the reason", async () => {
    const vin = randomVin(2019);
    const first = await signUp({ vin });
    await waitForEvent(first.customerId, "Customer.Accepted");
    const second = await signUp({ vin });
    const rejected = await waitForEvent(second.customerId, "Customer.Rejected");
    expect(rejected.detail).toEqual({
      customerId: second.customerId,
      reason: "This vehicle (VIN) is already insured under another active policy.",
    });
    expect(await policyStatus(second.customerId)).toBe("DECLINED");
    expect(
      await env.DB.prepare("SELECT status, rejection_reason FROM customers WHERE id = ?")
        .bind(second.customerId)
        .first(),
    ).toEqual({ status: "REJECTED", rejection_reason: rejected.detail.reason });
  });

  it("rejects a second customer with the SSN of one who holds a policy", async () => {
    const ssn = "123-45-6789";
    const first = await signUp({ ssn });
    await waitForEvent(first.customerId, "Customer.Accepted");
    const second = await signUp({ ssn: "123456789" });
    const rejected = await waitForEvent(second.customerId, "Customer.Rejected");
    expect(rejected.detail.reason).toMatch(/Social Security number/);
  });
});
