import type { Role } from "../db/schema";

/** The authenticated caller, as the database holds it now; handlers read it from `c.get("user")`. */
export interface CurrentUser {
  id: string;
  email: string;
  role: Role;
  providerId: string | null;
  customerId: string | null;
  /** The login session the bearer token (or stream ticket) belongs to. */
  sessionId?: string;
}

export const isStaff = (user: CurrentUser): boolean => user.role === "admin" || user.role === "insurer";
