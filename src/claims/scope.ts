import { and, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { CurrentUser } from "../auth/current-user";
import { claims } from "../db/schema";
import { QUEUE_CHANNELS } from "../domain/claims/assignment";

/**
 * The unassigned work queue an adjuster may take from: no assignee, a channel adjusters work
 * (not health), and not uploaded by another adjuster (those are that adjuster's own).
 */
export const unassignedQueue = (): SQL =>
  and(
    isNull(claims.assignedInsurerId),
    inArray(claims.channel, [...QUEUE_CHANNELS]),
    // Plain SQL: relational queries re-qualify interpolated columns with the outer table's alias.
    sql.raw(
      "NOT EXISTS (SELECT 1 FROM users AS uploader WHERE uploader.id = claims.owner_user_id AND uploader.role = 'insurer')",
    ),
  )!;

/**
 * The claims that are an insurer's own work — uploaded by it or assigned to it; what its
 * reports cover. Other roles: the same as what they may see.
 */
export function caseloadClaims(user: CurrentUser): SQL | undefined {
  if (user.role === "insurer") return or(eq(claims.ownerUserId, user.id), eq(claims.assignedInsurerId, user.id));
  return visibleClaims(user);
}

/**
 * The claims a caller may see: admins all, providers their provider's, customers their own,
 * insurers their caseload and the unassigned queue. Anything else answers 404, never 403.
 */
export function visibleClaims(user: CurrentUser): SQL | undefined {
  switch (user.role) {
    case "admin":
      return undefined;
    case "provider":
      return eq(claims.providerId, user.providerId ?? "\u0000");
    case "customer":
      return eq(claims.customerId, user.customerId ?? "\u0000");
    case "insurer":
      return or(eq(claims.ownerUserId, user.id), eq(claims.assignedInsurerId, user.id), unassignedQueue());
  }
}

const within = (scope: SQL | undefined, condition: SQL | undefined): SQL | undefined =>
  scope && condition ? and(scope, condition) : (scope ?? condition);

export const withVisibility = (user: CurrentUser, condition: SQL | undefined): SQL | undefined =>
  within(visibleClaims(user), condition);

export const withinCaseload = (user: CurrentUser, condition: SQL | undefined): SQL | undefined =>
  within(caseloadClaims(user), condition);
