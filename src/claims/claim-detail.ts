import { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { type CurrentUser, isStaff } from "../auth/current-user";
import type { Database } from "../db/client";
import { auditEvents, claims, members, predictions, users } from "../db/schema";
import { moneyJson } from "../domain/money";
import { toClaimWorkflow } from "./claim-workflow";
import { withVisibility } from "./scope";
import { auditEntryViewFor, claimViewFor } from "./views-by-role";

export const auditEntrySchema = z
  .object({
    action: z.string(),
    actor_id: z.string().nullable(),
    actor_role: z.string().nullable(),
    actor_email: z.string().nullable().optional().openapi({ description: "Staff only" }),
    before: z.unknown(),
    after: z.unknown(),
    at: z.string(),
  })
  .openapi("AuditEntry");

export const memberBenefitSchema = z
  .object({
    member_id: z.string(),
    status: z.string(),
    benefit_limit: z.number(),
    remaining_benefit: z.number(),
  })
  .openapi("MemberBenefit");

const assignees = alias(users, "assignee");

/** A claim named by the server's id or, for a photo claim, the client's claim id (unique per customer). */
export const claimNamed = (id: string) =>
  or(eq(claims.id, id), and(eq(claims.channel, "photo"), eq(claims.clientClaimId, id)));

/** The claim a caller may see, by the server's id or a photo claim's client id; with its prediction and assignee. */
export async function findVisibleClaim(db: Database, user: CurrentUser, id: string) {
  const [row] = await db
    .select({
      claim: claims,
      prediction: predictions,
      assignee: {
        id: assignees.id,
        firstName: assignees.firstName,
        lastName: assignees.lastName,
        email: assignees.email,
      },
    })
    .from(claims)
    .leftJoin(predictions, eq(predictions.claimId, claims.id))
    .leftJoin(assignees, eq(assignees.id, claims.assignedInsurerId))
    .where(withVisibility(user, claimNamed(id)))
    .orderBy(desc(claims.updatedAt))
    .limit(1);
  return row;
}

/** Everything the claim screen shows: the channel's view, who works it, its version, the audit trail, a health claim's member benefit. */
export async function readClaimDetail(db: Database, user: CurrentUser, id: string) {
  const row = await findVisibleClaim(db, user, id);
  if (!row) return undefined;
  const staff = isStaff(user);
  const claimId = row.claim.id;
  const [trail, member] = await Promise.all([
    db
      .select({ event: auditEvents, actorEmail: users.email })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(and(eq(auditEvents.entityType, "claim"), eq(auditEvents.entityId, claimId)))
      .orderBy(asc(auditEvents.id)),
    staff && row.claim.channel === "health" && row.claim.memberId
      ? db.query.members.findFirst({ where: eq(members.memberId, row.claim.memberId) })
      : Promise.resolve(undefined),
  ]);
  const view = {
    ...claimViewFor(user, row.claim, row.prediction),
    ...toClaimWorkflow(row.claim.version, row.assignee, user),
    audit_trail: trail.map(({ event, actorEmail }) => ({
      ...auditEntryViewFor(user, event),
      ...(staff ? { actor_email: actorEmail } : {}),
    })),
    ...(member
      ? {
          member_benefit: {
            member_id: member.memberId,
            status: member.status,
            benefit_limit: moneyJson(member.benefitLimitCents),
            remaining_benefit: moneyJson(member.remainingBenefitCents),
          },
        }
      : {}),
  };
  return { claimId, version: row.claim.version, view };
}
