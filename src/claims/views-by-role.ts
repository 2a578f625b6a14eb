import type { CurrentUser } from "../auth/current-user";
import type { auditEvents, claims, predictions, Role } from "../db/schema";
import { type ClaimView, toDocumentClaimView, toFnolClaimSummary, toHealthClaimView, toPhotoClaimView } from "./views";

type ClaimRow = typeof claims.$inferSelect;
type PredictionRow = typeof predictions.$inferSelect;
type AuditEventRow = typeof auditEvents.$inferSelect;

export interface AuditEntryView {
  action: string;
  actor_id: string | null;
  actor_role: string | null;
  before: unknown;
  after: unknown;
  at: string;
}

/** What one role sees of a claim, and which facts of its audit trail's before/after it may read. */
interface RoleViews {
  claim(row: ClaimRow, prediction: PredictionRow | null): ClaimView;
  /** "all" for staff; otherwise an allow-list, so a fact added to an audit entry tomorrow stays staff-only. */
  auditFacts: ReadonlySet<string> | "all";
}

/** A document claim without what only staff may know: the model's scores, the reserve, the adjuster's verdict, internals. */
function documentClaimWithoutStaffFacts(row: ClaimRow): ClaimView {
  return {
    ...toDocumentClaimView(row, null),
    extracted_data: null,
    failure_reason: null,
    fraud_confirmed: null,
  };
}

const staffViews: RoleViews = {
  claim(row, prediction) {
    if (row.channel === "document") return toDocumentClaimView(row, prediction);
    if (row.channel === "photo") return toPhotoClaimView(row, true);
    if (row.channel === "fnol") return toFnolClaimSummary(row);
    return toHealthClaimView(row);
  },
  auditFacts: "all",
};

/** A hospital: its health claims as the health-claims engine answers them (fraud flag and reason included). */
const providerViews: RoleViews = {
  claim(row) {
    if (row.channel === "document") return documentClaimWithoutStaffFacts(row);
    if (row.channel === "photo") return toPhotoClaimView(row, false);
    if (row.channel === "fnol") return { ...toFnolClaimSummary(row), fraud_flag: false, fraud_reason: null };
    return toHealthClaimView(row);
  },
  auditFacts: new Set(["status", "claim_amount_cents", "approved_amount_cents", "fraud_flag", "reasons", "lines"]),
};

/** A mobile customer: its photo claims, never the fraud check on them, the stored photo's key or the model's internals. */
const customerViews: RoleViews = {
  claim(row) {
    if (row.channel === "document") return documentClaimWithoutStaffFacts(row);
    if (row.channel === "photo") return toPhotoClaimView(row, false);
    if (row.channel === "fnol") return { ...toFnolClaimSummary(row), fraud_flag: false, fraud_reason: null };
    return { ...toHealthClaimView(row), fraud_flag: false, fraud_reason: null };
  },
  auditFacts: new Set([
    "status",
    "system_status",
    "effective_status",
    "user_override",
    "override_reason",
    "override_cleared",
    "damage_detected",
    "confidence",
  ]),
};

/** The one place that decides what each role sees of claims: every claim response goes through it. */
export const CLAIM_VIEWS_BY_ROLE: Record<Role, RoleViews> = {
  admin: staffViews,
  insurer: staffViews,
  provider: providerViews,
  customer: customerViews,
};

export const claimViewFor = (viewer: CurrentUser, row: ClaimRow, prediction: PredictionRow | null): ClaimView =>
  CLAIM_VIEWS_BY_ROLE[viewer.role].claim(row, prediction);

function allowedFacts(state: unknown, facts: ReadonlySet<string>): unknown {
  if (state === null || typeof state !== "object" || Array.isArray(state)) return null;
  const kept = Object.entries(state).filter(([key]) => facts.has(key));
  return kept.length > 0 ? Object.fromEntries(kept) : null;
}

/**
 * One audit entry as `viewer` may read it: before and after projected with the same rules; who
 * acted is named only to staff, or when it was the viewer itself.
 */
export function auditEntryViewFor(viewer: CurrentUser, event: AuditEventRow): AuditEntryView {
  const facts = CLAIM_VIEWS_BY_ROLE[viewer.role].auditFacts;
  const all = facts === "all";
  return {
    action: event.action,
    actor_id: all || event.actorId === viewer.id ? event.actorId : null,
    actor_role: event.actorRole,
    before: all ? event.before : allowedFacts(event.before, facts),
    after: all ? event.after : allowedFacts(event.after, facts),
    at: event.createdAt,
  };
}
