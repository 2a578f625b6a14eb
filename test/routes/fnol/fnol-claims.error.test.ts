import { introspectWorkflow } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { postFnolClaimRoute } from "../../../src/routes/fnol/claims/post";
import { acceptedCustomer, waitForEvent } from "../../customers/journey";
import { claimBody } from "../../fnol/claim-body";
import { claimReadyCustomer, installOcrLanguageData } from "../../fnol/claim-journey";
import { api, createUser, expectError, readAs, validationIssues } from "../../helpers";

beforeAll(installOcrLanguageData);

/** Claims filed here are closed at once (their wait for a photo times out), so no Workflow outlives the test. */
async function closingClaims() {
  const introspector = await introspectWorkflow(env.CLAIM_WORKFLOW);
  await introspector.modifyAll(async (m) => {
    await m.forceEventTimeout({ name: "wait for damage photo 1" });
  });
  return {
    async [Symbol.asyncDispose]() {
      for (const instance of await introspector.get()) await instance.waitForStatus("complete");
      await introspector.dispose();
    },
  };
}

describe("POST /fnol/claims refuses what it must", { timeout: 90_000 }, () => {
  it("an unverified email: 403, nothing filed", async () => {
    const customer = await acceptedCustomer();
    const body = claimBody({ customerId: customer.customerId, policyId: customer.policyId, licenceNumber: "X1" });
    await expectError(
      await api("/api/v1/fnol/claims", { method: "POST", token: customer.token, body }),
      403,
      "FORBIDDEN",
    );
  });

  it("bad bodies: 400 with the failing fields; another customer's id: 400; a claim by one customer is 404 to another", async () => {
    await using _closing = await closingClaims();
    const customer = await claimReadyCustomer();
    const body = claimBody(customer);
    const post = (b: unknown) => api("/api/v1/fnol/claims", { method: "POST", token: customer.token, body: b });
    const missing = await expectError(await post({ ...body, incident: undefined }), 400, "VALIDATION_ERROR");
    expect(validationIssues(missing).map((i) => i.path)).toContain("body.incident");
    await expectError(
      await post({ ...body, incident: { ...body.incident, occurrenceDateTime: "2026-13-45T00:00:00Z" } }),
      400,
      "VALIDATION_ERROR",
    );
    const later = new Date(Date.parse(body.incident.fnolDateTime) + 60_000).toISOString();
    await expectError(
      await post({ ...body, incident: { ...body.incident, occurrenceDateTime: later } }),
      400,
      "VALIDATION_ERROR",
    );
    await expectError(
      await post({ ...body, personalInformation: { ...body.personalInformation, customerId: "someone-else" } }),
      400,
      "VALIDATION_ERROR",
    );
    await expectError(await post({ ...body, extra: true }), 400, "VALIDATION_ERROR");

    const claimId = (await readAs(await post(body), postFnolClaimRoute, 202)).claim_id;
    const stranger = await createUser("customer");
    await expectError(await api(`/api/v1/fnol/claims/${claimId}`, { token: stranger.token }), 404, "CLAIM_NOT_FOUND");
    await waitForEvent(customer.customerId, "Claim.Rejected");
    // A damage-photo URL only for one's own claim, and only while it waits for a photo.
    const upload = (claim: string) =>
      api("/api/v1/uploads", { method: "POST", token: customer.token, body: { purpose: "DAMAGE", claim_id: claim } });
    await expectError(await upload(claimId), 409, "CONFLICT");
    await expectError(await upload("no-such-claim"), 404, "CLAIM_NOT_FOUND");
    await expectError(
      await api("/api/v1/uploads", { method: "POST", token: customer.token, body: { purpose: "DAMAGE" } }),
      400,
      "VALIDATION_ERROR",
    );
  });

  it("an Idempotency-Key files one claim for a retried request", async () => {
    await using _closing = await closingClaims();
    const customer = await claimReadyCustomer();
    const body = claimBody(customer);
    const send = () =>
      api("/api/v1/fnol/claims", {
        method: "POST",
        token: customer.token,
        body,
        headers: { "idempotency-key": "fnol-retry-1" },
      });
    const first = await readAs(await send(), postFnolClaimRoute, 202);
    const second = await readAs(await send(), postFnolClaimRoute, 202);
    expect(second.claim_id).toBe(first.claim_id);
    await waitForEvent(customer.customerId, "Claim.Rejected");
  });
});
