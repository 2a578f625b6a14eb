import { csvRecords } from "../../csv";
import { normalizeCode } from "../health/codes";
import { toCents } from "../money";

export interface DiagnosisCodeEntry {
  code: string;
  description: string;
  billable: boolean;
}

export interface ProcedureCodeEntry {
  code: string;
  description: string | null;
  averageCostCents: number | null;
  costStdDevCents: number | null;
}

export interface RowProblem {
  line: number;
  message: string;
}

export interface ParsedCodeSet<T> {
  entries: T[];
  problems: RowProblem[];
}

const CODE = /^[A-Z0-9]{2,10}$/;

/** ICD-10-CM style files: code, description, optional billable (1/0, true/false, Y/N). */
export function parseDiagnosisCsv(text: string): ParsedCodeSet<DiagnosisCodeEntry> {
  const { records, missing } = csvRecords(text, {
    code: ["code", "diagnosis_code", "icd10_code", "icd_code"],
    description: ["description", "long_description", "short_description", "desc"],
    billable: ["billable", "is_billable", "valid_for_billing"],
  });
  const required = missing.filter((key) => key !== "billable");
  if (required.length > 0)
    return { entries: [], problems: [{ line: 1, message: `missing column(s): ${required.join(", ")}` }] };
  const entries: DiagnosisCodeEntry[] = [];
  const problems: RowProblem[] = [];
  for (const [i, record] of records.entries()) {
    const code = normalizeCode(record.code ?? "");
    if (!CODE.test(code)) {
      problems.push({ line: i + 2, message: `invalid code '${record.code ?? ""}'` });
      continue;
    }
    if (!record.description) {
      problems.push({ line: i + 2, message: `missing description for ${code}` });
      continue;
    }
    const billable =
      record.billable === undefined || record.billable === "" ? true : /^(1|true|y|yes)$/i.test(record.billable);
    entries.push({ code, description: record.description, billable });
  }
  return { entries, problems };
}

/**
 * Procedure code sets and price lists: code plus description and/or average cost and its
 * standard deviation (HCPCS files, or per-code payment statistics such as Medicare's).
 */
export function parseProcedureCsv(text: string): ParsedCodeSet<ProcedureCodeEntry> {
  const { records, missing } = csvRecords(text, {
    code: ["code", "procedure_code", "hcpcs_code", "cpt_code", "hcpcs"],
    description: ["description", "short_description", "long_description", "service_description"],
    averageCost: ["average_cost", "avg_cost", "mean_cost", "mean_avg_medicare_payment"],
    costStdDev: ["cost_std_dev", "std_dev", "stdev", "stdev_avg_medicare_payment"],
  });
  if (missing.includes("code")) return { entries: [], problems: [{ line: 1, message: "missing column: code" }] };
  if (missing.includes("description") && missing.includes("averageCost")) {
    return { entries: [], problems: [{ line: 1, message: "needs a description or an average_cost column" }] };
  }
  const entries: ProcedureCodeEntry[] = [];
  const problems: RowProblem[] = [];
  for (const [i, record] of records.entries()) {
    const line = i + 2;
    const code = normalizeCode(record.code ?? "");
    if (!CODE.test(code)) {
      problems.push({ line, message: `invalid code '${record.code ?? ""}'` });
      continue;
    }
    const money = (value: string | undefined, what: string): number | null | false => {
      if (value === undefined || value === "") return null;
      const amount = Number(value.replace(/[$,\s]/g, ""));
      const cents = Number.isFinite(amount) && amount >= 0 ? toCents(Math.round(amount * 100) / 100) : undefined;
      if (cents === undefined) {
        problems.push({ line, message: `invalid ${what} '${value}' for ${code}` });
        return false;
      }
      return cents;
    };
    const averageCostCents = money(record.averageCost, "average_cost");
    const costStdDevCents = money(record.costStdDev, "cost_std_dev");
    if (averageCostCents === false || costStdDevCents === false) continue;
    entries.push({ code, description: record.description || null, averageCostCents, costStdDevCents });
  }
  return { entries, problems };
}
