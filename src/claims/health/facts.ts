import { and, eq, inArray, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import { claims, diagnosisCodes, members, procedureCodes, procedureRules, providers } from "../../db/schema";
import type { HealthClaimFacts, HealthClaimInput } from "../../domain/health/adjudicate";

/** Every code prefix pattern that could govern `code`: "*", "S*", "S5*", … and the code itself. */
const candidatePatterns = (code: string): string[] => [
  code,
  "*",
  ...Array.from({ length: code.length - 1 }, (_, i) => `${code.slice(0, i + 1)}*`),
];

/** Loads what adjudication needs in one round trip (a D1 batch of reads). */
export async function loadHealthClaimFacts(
  db: Database,
  claim: HealthClaimInput & { serviceDate: string },
): Promise<HealthClaimFacts> {
  const [member, provider, diagnosis, procedure, rules, duplicate] = await db.batch([
    db.select().from(members).where(eq(members.memberId, claim.memberId)).limit(1),
    db.select().from(providers).where(eq(providers.providerId, claim.providerId)).limit(1),
    db.select().from(diagnosisCodes).where(eq(diagnosisCodes.code, claim.diagnosisCode)).limit(1),
    db.select().from(procedureCodes).where(eq(procedureCodes.code, claim.procedureCode)).limit(1),
    db
      .select({ diagnosisPattern: procedureRules.diagnosisPattern, procedurePattern: procedureRules.procedurePattern })
      .from(procedureRules)
      .where(inArray(procedureRules.diagnosisPattern, candidatePatterns(claim.diagnosisCode))),
    db
      .select({ id: claims.id })
      .from(claims)
      .where(
        and(
          eq(claims.channel, "health"),
          eq(claims.memberId, claim.memberId),
          eq(claims.providerId, claim.providerId),
          eq(claims.procedureCode, claim.procedureCode),
          eq(claims.serviceDate, claim.serviceDate),
          eq(claims.claimAmountCents, claim.amountCents),
          ne(claims.status, "REJECTED"),
        ),
      )
      .limit(1),
  ]);
  const m = member[0];
  const d = diagnosis[0];
  const p = procedure[0];
  return {
    member: m ? { status: m.status, remainingBenefitCents: m.remainingBenefitCents } : null,
    provider: provider[0] ? { status: provider[0].status } : null,
    diagnosis: d ? { billable: d.billable } : null,
    procedure: p ? { averageCostCents: p.averageCostCents, costStdDevCents: p.costStdDevCents } : null,
    rules,
    duplicateOfClaimId: duplicate[0]?.id ?? null,
  };
}
