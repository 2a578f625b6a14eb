import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { MAX_VERIFICATION_ATTEMPTS } from "../../../src/customers/email-verification";
import { postVerifyEmailRoute } from "../../../src/routes/customers/verify/post";
import { listOutboxRoute } from "../../../src/routes/dev/outbox/list";
import { allDelivered, signUp } from "../../customers/journey";
import { api, createUser, expectError, readAs, uniqueIp } from "../../helpers";

async function codeFromOutbox(email: string): Promise<string> {
  const admin = await createUser("admin");
  const res = await api(`/api/v1/dev/outbox?to=${encodeURIComponent(email)}`, { token: admin.token });
  const { emails } = await readAs(res, listOutboxRoute, 200);
  const code = emails.find((e) => /verification code/.test(e.subject))?.body.match(/code is (\d{6})/)?.[1];
  if (!code) throw new Error(`no verification code in ${JSON.stringify(emails)}`);
  return code;
}

const verify = (email: string, code: string) =>
  api("/api/v1/customers/verify", { method: "POST", body: { email, code }, ip: uniqueIp() });

describe("email verification", () => {
  it("emails a six-digit code at signup (read through the local outbox) and confirms the email with it", async () => {
    const { customerId, body } = await signUp();
    await allDelivered(customerId);
    const code = await codeFromOutbox(body.email);
    const verified = await readAs(await verify(body.email, code), postVerifyEmailRoute, 200);
    expect(verified).toMatchObject({ customer_id: customerId, email_verified: true });
    const row = await env.DB.prepare("SELECT email_verified_at FROM customers WHERE id = ?").bind(customerId).first();
    expect(row?.email_verified_at).toBe(verified.verified_at);
    // The code is spent; verifying again is harmless.
    expect((await verify(body.email, code)).status).toBe(200);
  });

  it("keeps only a hash of the code, answers a wrong code and an unknown email alike, and stops after 5 attempts", async () => {
    const { customerId, body } = await signUp();
    await allDelivered(customerId);
    const code = await codeFromOutbox(body.email);
    const stored = await env.DB.prepare("SELECT code_hash FROM email_verifications WHERE customer_id = ?")
      .bind(customerId)
      .first<{ code_hash: string }>();
    expect(stored?.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.code_hash).not.toContain(code);

    const wrong = code === "000000" ? "000001" : "000000";
    const unknown = await expectError(await verify("nobody@claimsedge.test", wrong), 400, "VALIDATION_ERROR");
    const mismatch = await expectError(await verify(body.email, wrong), 400, "VALIDATION_ERROR");
    expect(mismatch.error.message).toBe(unknown.error.message);
    for (let i = 1; i < MAX_VERIFICATION_ATTEMPTS; i++)
      await expectError(await verify(body.email, wrong), 400, "VALIDATION_ERROR");
    await expectError(await verify(body.email, code), 400, "VALIDATION_ERROR");

    const resend = await api("/api/v1/customers/verify/resend", {
      method: "POST",
      body: { email: body.email },
      ip: uniqueIp(),
    });
    expect(resend.status).toBe(202);
    const fresh = await codeFromOutbox(body.email);
    expect((await verify(body.email, fresh)).status).toBe(200);
  });

  it("refuses an expired code", async () => {
    const { customerId, body } = await signUp();
    await allDelivered(customerId);
    const code = await codeFromOutbox(body.email);
    await env.DB.prepare("UPDATE email_verifications SET expires_at = '2000-01-01T00:00:00.000Z' WHERE customer_id = ?")
      .bind(customerId)
      .run();
    await expectError(await verify(body.email, code), 400, "VALIDATION_ERROR");
  });
});
