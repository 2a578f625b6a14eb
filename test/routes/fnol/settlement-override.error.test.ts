import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, createUser, expectError } from "../../helpers";
import { storedFnolClaim } from "./fnol-claim-rows";

const override = (claimId: string, token: string, headers: Record<string, string> = {}) =>
  api(`/api/v1/fnol/claims/${claimId}/settlement/override`, {
    method: "POST",
    token,
    headers,
    body: { reason: "Deductible waived", expected_version: 1, deductible: 0 },
  });

const settlementCount = async (claimId: string) =>
  (
    await env.DB.prepare("SELECT count(*) AS n FROM fnol_settlements WHERE claim_id = ?")
      .bind(claimId)
      .first<{ n: number }>()
  )?.n;

describe("POST /fnol/claims/{id}/settlement/override refuses what it must", () => {
  it("a stale If-Match: 412 with the claim as it is now and its ETag; nothing written", async () => {
    const customer = await createUser("customer");
    const adjuster = await createUser("insurer");
    const claimId = await storedFnolClaim(customer, { fraud: false, assignee: adjuster.id });
    const res = await override(claimId, adjuster.token, { "if-match": '"999"' });
    const body = await expectError(res, 412, "PRECONDITION_FAILED");
    const version = (body.error.details as { current_version: number }).current_version;
    expect(res.headers.get("etag")).toBe(`"${version}"`);
    expect(body.error.details).toMatchObject({ current: { claim_id: claimId, channel: "fnol" } });
    expect(await settlementCount(claimId)).toBe(0);
  });

  it("an If-Match that is not an ETag: 400 naming the header", async () => {
    const customer = await createUser("customer");
    const admin = await createUser("admin");
    const claimId = await storedFnolClaim(customer, { fraud: false });
    const body = await expectError(
      await override(claimId, admin.token, { "if-match": "version 3" }),
      400,
      "VALIDATION_ERROR",
    );
    expect(JSON.stringify(body)).toContain("if-match");
  });

  it("another adjuster's claim: 409; the claim stays theirs", async () => {
    const customer = await createUser("customer");
    const holder = await createUser("insurer");
    const other = await createUser("insurer");
    const claimId = await storedFnolClaim(customer, { fraud: false, assignee: holder.id });
    await expectError(await override(claimId, other.token), 409, "CONFLICT");
    const row = await env.DB.prepare("SELECT assigned_insurer_id AS a FROM claims WHERE id = ?")
      .bind(claimId)
      .first<{ a: string }>();
    expect(row!.a).toBe(holder.id);
  });

  it("the current ETag but no settlement yet: 409, nothing written", async () => {
    const customer = await createUser("customer");
    const admin = await createUser("admin");
    const claimId = await storedFnolClaim(customer, { fraud: false });
    const read = await api(`/api/v1/fnol/claims/${claimId}`, { token: admin.token });
    await expectError(await override(claimId, admin.token, { "if-match": read.headers.get("etag")! }), 409, "CONFLICT");
    expect(await settlementCount(claimId)).toBe(0);
  });
});
