// The CMS-1500 (HCFA) health-insurance claim form: recognised from its fillable field
// names or its printed captions, read into patient, insured id, ICD-10 diagnosis codes,
// CPT/HCPCS procedure codes, charges and dates of service.
import { isBlank, type Line } from "./layout";
import { type ClaimExtraction, type ExtractedField, finish } from "./result";
import { type DateOptions, findAmounts, numberFromMoneyDigits, parseName } from "./values";

const ICD10 = /^[A-TV-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/;
const ICD10_IN_TEXT = /\b[A-TV-Z][0-9][0-9A-Z]\.[0-9A-Z]{1,4}\b/g;
const PROCEDURE = /^(?:\d{4}[0-9A-Z]|[A-V]\d{4})$/;
const PROCEDURE_IN_TEXT = /\b(?:\d{4}[0-9A-Z]|[A-V]\d{4})\b/g;

const TEXT_MARKERS = [
  /HEALTH\s+INSURANCE\s+CLAIM\s+FORM/i,
  /\bNUCC\b|NATIONAL\s+UNIFORM\s+CLAIM\s+COMMITTEE/i,
  /PATIENT'?S\s+NA[MV]E/i,
  /INSURED'?S\s+[I|l1]\.?\s?D\.?\s+NUMBER/i,
  /PATIENT\s+RELATIONSHIP\s+TO\s+INSURED/i,
  /RESERVED\s+FOR\s+NUCC\s+USE/i,
  /PATIENT'?S\s+CONDITION\s+RELATED/i,
  /DIAGNOSIS\s+OR\s+NATURE\s+OF\s+ILLNESS/i,
  /DATE\(?S\)?\s+OF\s+SERVICE/i,
  /\b(?:CMS|HCFA)[-\s]?1500\b/i,
  /TOTAL\s+CHARGE/i,
  /FEDERAL\s+TAX\s+I\.?\s?D/i,
];

function keyOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const FORM_KEYS = [
  "ptname",
  "insuranceid",
  "tcharge",
  "cpt1",
  "diagnosis1",
  "sv1mmfrom",
  "patientname",
  "totalcharge",
  "insuredid",
];

export function isCms1500(text: string, formFields: Record<string, string>): boolean {
  const keys = new Set(Object.keys(formFields).map(keyOf));
  if (FORM_KEYS.filter((k) => keys.has(k)).length >= 3) return true;
  return TEXT_MARKERS.filter((m) => m.test(text)).length >= 3;
}

function field(
  value: ExtractedField["value"],
  confidence: number,
  method: ExtractedField["method"],
  evidence: string,
): ExtractedField {
  return { value, confidence: Math.round(confidence * 100) / 100, method, evidence: evidence.slice(0, 200) };
}

function yearOf(yy: string): number {
  const n = Number(yy);
  return yy.length === 4 ? n : n <= 50 ? 2000 + n : 1900 + n;
}

function serviceDate(mm: string, dd: string, yy: string): string | undefined {
  const m = Number(mm),
    d = Number(dd),
    y = yearOf(yy);
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${y}-${mm.padStart(2, "0")}-${dd.padStart(2, "0")}`;
}

function money(raw: string): number | undefined {
  const v = numberFromMoneyDigits(raw.replace(/[$\s]/g, ""));
  return v === undefined || v < 0 ? undefined : v;
}

function fromFormFields(formFields: Record<string, string>): Record<string, ExtractedField> {
  const f = new Map(Object.entries(formFields).map(([k, v]) => [keyOf(k), String(v ?? "").trim()]));
  const get = (...keys: string[]) => keys.map((k) => f.get(k)).find((v) => v);
  const out: Record<string, ExtractedField> = {};

  const patient = get("ptname", "patientname", "patientsname");
  if (patient) {
    const n = parseName(patient);
    out.patient_name = field(n?.value ?? patient, n ? 0.97 : 0.7, "form-field", `pt_name: ${patient}`);
  }
  const insuredId = get("insuranceid", "insuredid", "insuredidnumber", "insuredsidnumber");
  if (insuredId)
    out.insured_id = field(insuredId.replace(/\s+/g, ""), 0.97, "form-field", `insurance_id: ${insuredId}`);

  const diagnoses: string[] = [];
  const procedures: string[] = [];
  const charges: number[] = [];
  const services: Array<{ from: string; to: string }> = [];
  for (let i = 1; i <= 12; i++) {
    const code = get(`diagnosis${i}`, `diagnosiscode${i}`, `icd${i}`, `diagnosis${String.fromCharCode(96 + i)}`);
    if (code) diagnoses.push(code.toUpperCase().replace(/\s+/g, ""));
  }
  for (let i = 1; i <= 6; i++) {
    const code = get(`cpt${i}`, `hcpcs${i}`, `procedure${i}`, `procedurecode${i}`, `cpthcpcs${i}`);
    if (code) procedures.push(code.toUpperCase().replace(/\s+/g, ""));
    const ch = get(`ch${i}`, `charge${i}`, `charges${i}`);
    const amount = ch ? money(ch) : undefined;
    if (amount !== undefined) charges.push(amount);
    const from = serviceDate(get(`sv${i}mmfrom`) ?? "", get(`sv${i}ddfrom`) ?? "", get(`sv${i}yyfrom`) ?? "");
    const to = serviceDate(
      get(`sv${i}mmend`, `sv${i}mmto`) ?? "",
      get(`sv${i}ddend`, `sv${i}ddto`) ?? "",
      get(`sv${i}yyend`, `sv${i}yyto`) ?? "",
    );
    if (from) services.push({ from, to: to ?? from });
  }
  if (diagnoses.length) {
    const valid = diagnoses.every((d) => ICD10.test(d));
    out.diagnosis_codes = field(diagnoses, valid ? 0.97 : 0.6, "form-field", `diagnosis1..: ${diagnoses.join(", ")}`);
  }
  if (procedures.length) {
    const valid = procedures.every((p) => PROCEDURE.test(p));
    out.procedure_codes = field(procedures, valid ? 0.97 : 0.5, "form-field", `cpt1..: ${procedures.join(", ")}`);
  }
  if (charges.length) out.charges = field(charges, 0.97, "form-field", `ch1..: ${charges.join(", ")}`);
  if (services.length) out.dates_of_service = field(services, 0.95, "form-field", "sv1..: service dates");
  const total = get("tcharge", "totalcharge", "totalcharges");
  const totalAmount = total ? money(total) : undefined;
  if (totalAmount !== undefined) out.total_charge = field(totalAmount, 0.97, "form-field", `t_charge: ${total}`);
  else if (charges.length)
    out.total_charge = field(
      Math.round(charges.reduce((a, b) => a + b, 0) * 100) / 100,
      0.6,
      "form-field",
      "sum of line charges",
    );
  return out;
}

/** The value printed under (or after) a caption, column-aligned. */
function valueNear(
  lines: Line[],
  caption: RegExp,
  accept: (text: string) => string | undefined,
): { value: string; evidence: string } | undefined {
  for (const line of lines) {
    const m = line.text.match(caption);
    if (!m) continue;
    const after = line.text
      .slice(m.index! + m[0].length)
      .replace(/^\s*\([^)]*\)/, "")
      .replace(/^[\s:.]+/, "");
    const sameCell = after.split(/\s{2,}/)[0];
    const direct = sameCell ? accept(sameCell) : undefined;
    if (direct) return { value: direct, evidence: line.text.trim() };
    const col = m.index!;
    for (let i = line.index + 1, seen = 0; i < lines.length && seen < 2; i++) {
      const next = lines[i]!;
      if (isBlank(next)) continue;
      seen++;
      const cells = [...next.cells].sort((a, b) => Math.abs(a.col - col) - Math.abs(b.col - col));
      for (const c of cells.slice(0, 2)) {
        const v = accept(c.text);
        if (v) return { value: v, evidence: `${m[0]} … ${c.text}` };
      }
    }
  }
  return undefined;
}

const SERVICE_LINE =
  /(?<!\d)(\d{1,2})[\s/-]+(\d{1,2})[\s/-]+(\d{2}|\d{4})\s+(?:-\s*)?(\d{1,2})[\s/-]+(\d{1,2})[\s/-]+(\d{2}|\d{4})(?!\d)/;

function fromText(lines: Line[]): Record<string, ExtractedField> {
  const out: Record<string, ExtractedField> = {};
  const factor = lines.some((l) => l.source === "ocr") ? 0.85 : 1;
  const patient = valueNear(lines, /PATIENT'?S\s+NAME/i, (t) => parseName(t)?.value);
  if (patient) out.patient_name = field(patient.value, 0.85 * factor, "label", patient.evidence);
  const insured = valueNear(lines, /INSURED'?S\s+I\.?\s?D\.?\s+NUMBER/i, (t) => {
    const m = t.match(/^([A-Z0-9][A-Z0-9-]{3,24})\b/i);
    return m && /\d/.test(m[1]!) ? m[1]!.toUpperCase() : undefined;
  });
  if (insured) out.insured_id = field(insured.value, 0.85 * factor, "label", insured.evidence);

  const text = lines.map((l) => l.text).join("\n");
  const diagnoses = [...new Set([...text.matchAll(ICD10_IN_TEXT)].map((m) => m[0]))];
  // Codes written without the dot sit on the lines after caption 21.
  const start = lines.findIndex((l) => /DIAGNOSIS\s+OR\s+NATURE/i.test(l.text));
  if (start >= 0) {
    for (const l of lines.slice(start + 1, start + 5)) {
      if (/DATE\(?S\)?\s+OF\s+SERVICE|\b24\.\s*A/i.test(l.text)) break;
      for (const m of l.text.matchAll(/\b[A-L]\s*[.|]\s*([A-TV-Z]\d[0-9A-Z](?:\.?[0-9A-Z]{1,4})?)\b/g)) {
        if (!diagnoses.includes(m[1]!)) diagnoses.push(m[1]!);
      }
    }
  }
  if (diagnoses.length) out.diagnosis_codes = field(diagnoses, 0.85 * factor, "label", diagnoses.join(", "));

  const procedures: string[] = [];
  const charges: number[] = [];
  const services: Array<{ from: string; to: string }> = [];
  for (const l of lines) {
    const m = l.text.match(SERVICE_LINE);
    if (!m) continue;
    const from = serviceDate(m[1]!, m[2]!, m[3]!);
    const to = serviceDate(m[4]!, m[5]!, m[6]!);
    if (!from) continue;
    services.push({ from, to: to ?? from });
    const rest = l.text.slice(m.index! + m[0].length);
    const proc = rest.match(PROCEDURE_IN_TEXT);
    if (proc) procedures.push(proc[0]);
    const amount = findAmounts(rest).filter((a) => /[.,]\d{2}$/.test(rest.slice(a.index, a.index + a.length).trim()));
    if (amount[0]) charges.push(amount[0].value);
  }
  if (procedures.length) out.procedure_codes = field(procedures, 0.8 * factor, "table", procedures.join(", "));
  if (charges.length) out.charges = field(charges, 0.8 * factor, "table", charges.join(", "));
  if (services.length) out.dates_of_service = field(services, 0.8 * factor, "table", "service lines");
  const total = valueNear(lines, /TOTAL\s+CHARGE/i, (t) => {
    const a = findAmounts(t)[0];
    return a && a.value > 0 ? String(a.value) : undefined;
  });
  if (total) out.total_charge = field(Number(total.value), 0.85 * factor, "label", total.evidence);
  else if (charges.length)
    out.total_charge = field(
      Math.round(charges.reduce((a, b) => a + b, 0) * 100) / 100,
      0.55 * factor,
      "table",
      "sum of line charges",
    );
  return out;
}

/** The CMS-1500's own fields, plus the generic claim fields they imply. */
export function extractCms1500(
  lines: Line[],
  formFields: Record<string, string>,
  _dates: DateOptions,
): ClaimExtraction {
  const fromForm = fromFormFields(formFields);
  const fromPrint = fromText(lines);
  const fields: Record<string, ExtractedField> = { ...fromPrint };
  for (const [k, v] of Object.entries(fromForm)) {
    if (!fields[k] || fields[k]!.confidence <= v.confidence) fields[k] = v;
  }
  const mirror = (target: string, source: string, value?: ExtractedField["value"]) => {
    const s = fields[source];
    if (s) fields[target] = { ...s, value: value ?? s.value, confidence: Math.round(s.confidence * 0.95 * 100) / 100 };
  };
  mirror("claimant_name", "patient_name");
  mirror("policy_number", "insured_id");
  mirror("amount_claimed", "total_charge");
  const services = fields.dates_of_service?.value as Array<{ from: string; to: string }> | undefined;
  if (services?.length) {
    const first = [...services].map((s) => s.from).sort()[0]!;
    mirror("incident_date", "dates_of_service", first);
  }
  return finish("cms1500", fields);
}
