import { z } from "@hono/zod-openapi";
import { MEMBER_STATUSES, type members } from "../../db/schema";
import { moneyJson } from "../../domain/money";

export const memberSchema = z
  .object({
    member_id: z.string(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    status: z.enum(MEMBER_STATUSES),
    benefit_limit: z.number(),
    remaining_benefit: z.number(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Member");

export const eligibilitySchema = z
  .object({
    member_id: z.string(),
    status: z.enum(MEMBER_STATUSES),
    remaining_benefit: z.number(),
    eligible: z.boolean(),
  })
  .openapi("MemberEligibility");

type MemberRow = typeof members.$inferSelect;

export const toMemberView = (row: MemberRow) => ({
  member_id: row.memberId,
  first_name: row.firstName,
  last_name: row.lastName,
  status: row.status,
  benefit_limit: moneyJson(row.benefitLimitCents),
  remaining_benefit: moneyJson(row.remainingBenefitCents),
  created_at: row.createdAt,
  updated_at: row.updatedAt,
});

export const toEligibilityView = (row: MemberRow) => ({
  member_id: row.memberId,
  status: row.status,
  remaining_benefit: moneyJson(row.remainingBenefitCents),
  eligible: row.status === "ACTIVE" && row.remainingBenefitCents > 0,
});

export const MEMBER_AUDIT_COLUMNS = [
  "member_id",
  "first_name",
  "last_name",
  "status",
  "benefit_limit_cents",
  "remaining_benefit_cents",
  "updated_at",
];
