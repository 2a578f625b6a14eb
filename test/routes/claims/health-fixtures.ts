import { env } from "cloudflare:workers";
import { loadDemoReferenceData } from "../../../src/reference/demo-data";

export const loadDemoData = () => loadDemoReferenceData(env.DB);

/** A fresh ACTIVE member with the given remaining benefit (in currency units). */
export async function freshMember(remaining: number, limit = Math.max(remaining, 1)): Promise<string> {
  const id = `M-${crypto.randomUUID().slice(0, 8)}`;
  await env.DB.prepare(
    "INSERT INTO members (member_id, status, benefit_limit_cents, remaining_benefit_cents, updated_at) VALUES (?, 'ACTIVE', ?, ?, ?)",
  )
    .bind(id, Math.round(limit * 100), Math.round(remaining * 100), new Date().toISOString())
    .run();
  return id;
}

export async function remainingBenefitCents(memberId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT remaining_benefit_cents AS r FROM members WHERE member_id = ?")
    .bind(memberId)
    .first<{ r: number }>();
  return row!.r;
}

export const claimCount = async (memberId: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM claims WHERE member_id = ?").bind(memberId).first<{ n: number }>())!
    .n;

export const healthClaim = (overrides: Record<string, unknown> = {}) => ({
  member_id: "M123",
  provider_id: "H456",
  diagnosis_code: "D001",
  procedure_code: "P001",
  claim_amount: 15000,
  notes: "Emergency Outpatient Appendectomy",
  ...overrides,
});
