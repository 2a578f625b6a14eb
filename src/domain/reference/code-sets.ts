import { csvRecords } from "../../csv";
import { toCents } from "../money";
import { diagnosisCodeInput, procedurePriceInput } from "./code-inputs";
import { csvFlag, csvNumber, IMPORT_CSV_LIMITS, type RowProblem, validateRows } from "./csv-rows";

export type { RowProblem } from "./csv-rows";

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

export interface ParsedCodeSet<T> {
  entries: T[];
  problems: RowProblem[];
}

/**
 * Price statistics carry more decimals than money does (51.234): they are rounded to the cent, but
 * a non-zero amount under half a cent stays as it is, to be refused like any sub-cent amount.
 */
function statistic(text: string | undefined): number | undefined {
  const amount = csvNumber(text);
  if (amount === undefined || !Number.isFinite(amount)) return amount;
  const rounded = Math.round(amount * 100) / 100;
  return rounded === 0 && amount !== 0 ? amount : rounded;
}

/** ICD-10-CM style files: code, description, optional billable (1/0, true/false, Y/N); each row checked like POST /codes/diagnoses. */
export function parseDiagnosisCsv(text: string): ParsedCodeSet<DiagnosisCodeEntry> {
  const { records, missing } = csvRecords(
    text,
    {
      code: ["code", "diagnosis_code", "icd10_code", "icd_code"],
      description: ["description", "long_description", "short_description", "desc"],
      billable: ["billable", "is_billable", "valid_for_billing"],
    },
    IMPORT_CSV_LIMITS,
  );
  const required = missing.filter((key) => key !== "billable");
  if (required.length > 0)
    return { entries: [], problems: [{ line: 1, message: `missing column(s): ${required.join(", ")}` }] };
  return validateRows(
    records.map(({ line, values }) => ({
      line,
      candidate: { code: values.code ?? "", description: values.description ?? "", billable: csvFlag(values.billable) },
    })),
    diagnosisCodeInput,
    (row) => ({ code: row.code, description: row.description, billable: row.billable }),
  );
}

/**
 * Procedure code sets and price lists: code plus description and/or average cost and its
 * standard deviation (HCPCS files, or per-code payment statistics such as Medicare's); each row
 * checked like POST /codes/procedures.
 */
export function parseProcedureCsv(text: string): ParsedCodeSet<ProcedureCodeEntry> {
  const { records, missing } = csvRecords(
    text,
    {
      code: ["code", "procedure_code", "hcpcs_code", "cpt_code", "hcpcs"],
      description: ["description", "short_description", "long_description", "service_description"],
      averageCost: ["average_cost", "avg_cost", "mean_cost", "mean_avg_medicare_payment"],
      costStdDev: ["cost_std_dev", "std_dev", "stdev", "stdev_avg_medicare_payment"],
    },
    IMPORT_CSV_LIMITS,
  );
  if (missing.includes("code")) return { entries: [], problems: [{ line: 1, message: "missing column: code" }] };
  if (missing.includes("description") && missing.includes("averageCost")) {
    return { entries: [], problems: [{ line: 1, message: "needs a description or an average_cost column" }] };
  }
  return validateRows(
    records.map(({ line, values }) => ({
      line,
      candidate: {
        code: values.code ?? "",
        description: values.description || undefined,
        average_cost: statistic(values.averageCost),
        cost_std_dev: statistic(values.costStdDev),
      },
    })),
    procedurePriceInput,
    (row) => ({
      code: row.code,
      description: row.description ?? null,
      averageCostCents: row.average_cost === undefined ? null : toCents(row.average_cost)!,
      costStdDevCents: row.cost_std_dev === undefined ? null : toCents(row.cost_std_dev)!,
    }),
  );
}
