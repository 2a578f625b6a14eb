import type { Role } from "../db/schema";

/** The authenticated caller, taken from a verified token; handlers read it from `c.get("user")`. */
export interface CurrentUser {
  id: string;
  email: string;
  role: Role;
  providerId: string | null;
  customerId: string | null;
}

export const isStaff = (user: CurrentUser): boolean => user.role === "admin" || user.role === "insurer";
