import { and, eq, or, type SQL } from "drizzle-orm";
import type { CurrentUser } from "../auth/current-user";
import { claims } from "../db/schema";

/**
 * The claims a caller may see: admins all, providers their provider's, customers their own,
 * insurers those they own or are assigned. Anything else answers 404, never 403.
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
      return or(eq(claims.ownerUserId, user.id), eq(claims.assignedInsurerId, user.id));
  }
}

export const withVisibility = (user: CurrentUser, condition: SQL | undefined): SQL | undefined => {
  const scope = visibleClaims(user);
  return scope && condition ? and(scope, condition) : (scope ?? condition);
};
