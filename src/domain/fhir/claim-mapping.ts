import type { HealthClaimLineInput } from "../health/adjudicate";
import { normalizeCode } from "../health/codes";
import { EARLIEST_SERVICE_DATE, isPlausibleServiceDate } from "../health/service-date";
import { formatCents, toCents } from "../money";
import { resolveMember, resolveProvider } from "./claim-parties";
import type { FhirClaim, FhirClaimDiagnosis, FhirClaimItem } from "./claim-resource";
import { isIcd10System, isProcedureCodeSystem } from "./code-systems";
import type { Coding, Money } from "./datatypes";
import type { OutcomeIssue } from "./operation-outcome";

/** Items adjudicated in one claim; a larger claim is refused (split it). */
export const MAX_CLAIM_ITEMS = 100;
/** Diagnoses read from one claim (an institutional claim form carries up to 25). */
export const MAX_CLAIM_DIAGNOSES = 25;
/** No code set adjudicated here has longer codes; longer ones are refused rather than looked up. */
const MAX_CODE_LENGTH = 20;
/** Member and provider ids are at most this long (as on the JSON channel). */
const MAX_PARTY_ID_LENGTH = 64;
/** The largest amount one item may claim, as on the JSON channel. */
export const MAX_ITEM_AMOUNT_CENTS = 10_000_000_000;

/** A FHIR Claim as the health-claim pipeline takes it. */
export interface MappedHealthClaim {
  memberId: string;
  providerId: string;
  /** In diagnosis sequence order; the first is the principal one. */
  diagnosisCodes: string[];
  /** In item sequence order, the order the benefit is allocated in. */
  lines: HealthClaimLineInput[];
  currency: string | null;
}

export type ClaimMapping = { ok: true; claim: MappedHealthClaim } | { ok: false; issues: OutcomeIssue[] };

const notSupported = (expression: string, diagnostics: string): OutcomeIssue => ({
  severity: "error",
  code: "not-supported",
  expression: [expression],
  diagnostics,
});
const businessRule = (expression: string, diagnostics: string): OutcomeIssue => ({
  severity: "error",
  code: "business-rule",
  expression: [expression],
  diagnostics,
});

const FULL_DATE = /^\d{4}-\d{2}-\d{2}/;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The ICD-10 (or system-less) code of a diagnosis; a diagnosis coded only in another system cannot be adjudicated. */
function diagnosisCode(diagnosis: FhirClaimDiagnosis, at: string): string | OutcomeIssue {
  if (!diagnosis.diagnosisCodeableConcept) {
    return notSupported(
      `${at}.diagnosisReference`,
      "A diagnosis given as a reference to a Condition cannot be adjudicated: send diagnosisCodeableConcept with an ICD-10 code",
    );
  }
  const codings = (diagnosis.diagnosisCodeableConcept.coding ?? []).filter((c): c is Coding & { code: string } =>
    Boolean(c.code),
  );
  const chosen = codings.find((c) => c.system && isIcd10System(c.system)) ?? codings.find((c) => !c.system);
  if (!chosen) {
    const systems = codings.map((c) => c.system).join(", ");
    return notSupported(
      `${at}.diagnosisCodeableConcept`,
      systems
        ? `Diagnosis coded in ${systems}: only ICD-10 codes (or codes with no system) are adjudicated`
        : "The diagnosis has no code",
    );
  }
  const code = normalizeCode(chosen.code);
  if (code.length > MAX_CODE_LENGTH)
    return businessRule(`${at}.diagnosisCodeableConcept`, `Diagnosis codes have at most ${MAX_CODE_LENGTH} characters`);
  return code;
}

/** The procedure (service or product) code of an item: a CPT/HCPCS coding first, else the first coded one. */
function procedureCode(item: FhirClaimItem): string | null {
  const codings = (item.productOrService.coding ?? []).filter((c): c is Coding & { code: string } => Boolean(c.code));
  const chosen = codings.find((c) => c.system && isProcedureCodeSystem(c.system)) ?? codings[0];
  return chosen ? normalizeCode(chosen.code) : null;
}

/** An item's claimed amount in cents: `net`, else unitPrice × quantity × factor (R4's definition of net). */
function itemAmount(item: FhirClaimItem, at: string): number | OutcomeIssue {
  let cents: number | undefined;
  let where = `${at}.net`;
  if (item.net?.value !== undefined) {
    cents = toCents(item.net.value);
    if (cents === undefined) return businessRule(`${where}.value`, "Amounts must have at most two decimals");
  } else if (item.unitPrice?.value !== undefined) {
    where = `${at}.unitPrice`;
    const exact = item.unitPrice.value * (item.quantity?.value ?? 1) * (item.factor ?? 1) * 100;
    if (!Number.isFinite(exact)) return businessRule(where, "The item's amount is not a finite number");
    cents = Math.round(exact);
  } else {
    return businessRule(at, "The item has no amount: give net, or unitPrice (with quantity and factor when not 1)");
  }
  if (cents <= 0)
    return businessRule(where, "The item's amount must be positive (credits and adjustments are not adjudicated)");
  if (cents > MAX_ITEM_AMOUNT_CENTS)
    return businessRule(where, `The item's amount must not exceed ${formatCents(MAX_ITEM_AMOUNT_CENTS)}`);
  return cents;
}

/** The day the item's service was given: servicedDate, servicedPeriod.start, the claim's billable period, or the day it was created. */
function serviceDate(claim: FhirClaim, item: FhirClaimItem, at: string): string | OutcomeIssue {
  const [value, where] = item.servicedDate
    ? [item.servicedDate, `${at}.servicedDate`]
    : item.servicedPeriod?.start
      ? [item.servicedPeriod.start, `${at}.servicedPeriod.start`]
      : claim.billablePeriod?.start
        ? [claim.billablePeriod.start, "Claim.billablePeriod.start"]
        : [claim.created, "Claim.created"];
  if (!FULL_DATE.test(value)) return businessRule(where, `The service date ${value} must name a day (YYYY-MM-DD)`);
  return value.slice(0, 10);
}

function currencies(claim: FhirClaim): Set<string> {
  const moneys: (Money | undefined)[] = [
    claim.total,
    ...(claim.item ?? []).flatMap((item) => [item.net, item.unitPrice]),
  ];
  return new Set(moneys.flatMap((m) => (m?.currency ? [m.currency] : [])));
}

/**
 * Maps an R4 Claim (already checked against its schema) onto a health claim: the member, the
 * provider, the diagnoses, one line per item. Everything it cannot map is reported at once, each
 * issue with the FHIRPath of its element.
 */
export function mapFhirClaim(claim: FhirClaim, today: string): ClaimMapping {
  const issues: OutcomeIssue[] = [];
  if (claim.use !== "claim")
    issues.push(
      notSupported("Claim.use", `Only claims are adjudicated (use 'claim'); '${claim.use}' is not supported`),
    );
  if (claim.status !== "active")
    issues.push(businessRule("Claim.status", `Only an active claim is adjudicated; this one is '${claim.status}'`));
  if (claim.modifierExtension)
    issues.push(
      notSupported(
        "Claim.modifierExtension",
        "Modifier extensions change the claim's meaning and are not understood here",
      ),
    );

  const member = resolveMember(claim);
  if (!member.ok) issues.push(businessRule(member.expression, member.diagnostics));
  const provider = resolveProvider(claim);
  if (!provider.ok) issues.push(businessRule(provider.expression, provider.diagnostics));
  if (member.ok && member.id.length > MAX_PARTY_ID_LENGTH)
    issues.push(businessRule("Claim.patient", `A member id has at most ${MAX_PARTY_ID_LENGTH} characters`));
  if (provider.ok && provider.id.length > MAX_PARTY_ID_LENGTH)
    issues.push(businessRule("Claim.provider", `A provider id has at most ${MAX_PARTY_ID_LENGTH} characters`));

  const diagnoses = [...(claim.diagnosis ?? [])].sort((a, b) => a.sequence - b.sequence);
  const codeBySequence = new Map<number, string>();
  if (diagnoses.length === 0)
    issues.push(businessRule("Claim.diagnosis", "At least one diagnosis is needed to adjudicate the claim"));
  if (diagnoses.length > MAX_CLAIM_DIAGNOSES) {
    issues.push(
      businessRule(
        "Claim.diagnosis",
        `A claim may have at most ${MAX_CLAIM_DIAGNOSES} diagnoses; this one has ${diagnoses.length}`,
      ),
    );
    diagnoses.length = MAX_CLAIM_DIAGNOSES;
  }
  for (const diagnosis of diagnoses) {
    const at = `Claim.diagnosis[${claim.diagnosis!.indexOf(diagnosis)}]`;
    if (codeBySequence.has(diagnosis.sequence))
      issues.push(businessRule(`${at}.sequence`, `Diagnosis sequence ${diagnosis.sequence} is used twice`));
    const code = diagnosisCode(diagnosis, at);
    if (typeof code === "string") codeBySequence.set(diagnosis.sequence, code);
    else issues.push(code);
  }

  const items = claim.item ?? [];
  if (items.length === 0)
    issues.push(businessRule("Claim.item", "At least one item is needed: each item is one adjudicated line"));
  if (items.length > MAX_CLAIM_ITEMS)
    issues.push(
      businessRule("Claim.item", `A claim may have at most ${MAX_CLAIM_ITEMS} items; this one has ${items.length}`),
    );
  const diagnosisCodes = [...new Set(codeBySequence.values())];
  const lines: HealthClaimLineInput[] = [];
  const sequences = new Set<number>();
  items.slice(0, MAX_CLAIM_ITEMS).forEach((item, i) => {
    const at = `Claim.item[${i}]`;
    if (sequences.has(item.sequence))
      issues.push(businessRule(`${at}.sequence`, `Item sequence ${item.sequence} is used twice`));
    sequences.add(item.sequence);
    if (item.modifierExtension)
      issues.push(
        notSupported(
          `${at}.modifierExtension`,
          "Modifier extensions change the item's meaning and are not understood here",
        ),
      );
    const code = procedureCode(item);
    if (!code) issues.push(businessRule(`${at}.productOrService`, "The item's productOrService has no code"));
    else if (code.length > MAX_CODE_LENGTH)
      issues.push(businessRule(`${at}.productOrService`, `Procedure codes have at most ${MAX_CODE_LENGTH} characters`));
    const amount = itemAmount(item, at);
    if (typeof amount !== "number") issues.push(amount);
    const date = serviceDate(claim, item, at);
    if (typeof date !== "string") issues.push(date);
    else if (date > addDays(today, 1))
      issues.push(businessRule(`${at}.servicedDate`, `The service date ${date} is in the future`));
    else if (!isPlausibleServiceDate(date))
      issues.push(businessRule(`${at}.servicedDate`, `The service date ${date} is before ${EARLIEST_SERVICE_DATE}`));
    const linked = item.diagnosisSequence ?? [];
    const missing = linked.filter(
      (sequence) => !codeBySequence.has(sequence) && !diagnoses.some((d) => d.sequence === sequence),
    );
    if (missing.length > 0)
      issues.push(businessRule(`${at}.diagnosisSequence`, `No diagnosis has sequence ${missing.join(", ")}`));
    const linkedCodes = linked.flatMap((sequence) => codeBySequence.get(sequence) ?? []);
    if (code && code.length <= MAX_CODE_LENGTH && typeof amount === "number" && typeof date === "string") {
      lines.push({
        sequence: item.sequence,
        procedureCode: code,
        diagnosisCodes: linked.length > 0 ? [...new Set(linkedCodes)] : diagnosisCodes,
        amountCents: amount,
        serviceDate: date,
      });
    }
  });

  const currency = currencies(claim);
  if (currency.size > 1)
    issues.push(
      businessRule("Claim.item", `All amounts must be in one currency; this claim mixes ${[...currency].join(", ")}`),
    );
  if (claim.total?.value !== undefined && issues.length === 0) {
    const total = toCents(claim.total.value);
    const sum = lines.reduce((s, line) => s + line.amountCents, 0);
    if (total !== sum)
      issues.push(
        businessRule(
          "Claim.total",
          `Claim.total (${claim.total.value}) is not the sum of the items (${formatCents(sum)})`,
        ),
      );
  }

  if (issues.length > 0 || !member.ok || !provider.ok) return { ok: false, issues };
  lines.sort((a, b) => a.sequence - b.sequence);
  return {
    ok: true,
    claim: { memberId: member.id, providerId: provider.id, diagnosisCodes, lines, currency: [...currency][0] ?? null },
  };
}
