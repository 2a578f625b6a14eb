// One licence from the two readings: the barcode wins field by field (it is error-corrected
// and carries the issuer's own data); the OCR of the front fills what the barcode lacks.
import {
  emptyLicenceFields,
  ID_TYPE_BACK,
  ID_TYPE_FRONT,
  LICENCE_FIELD_KEYS,
  type LicenceFieldKey,
  type LicenceFieldSource,
  type LicenceFields,
  normaliseDocumentNumber,
  type PartialReadings,
} from "./fields";

export interface FieldConflict {
  field: LicenceFieldKey;
  barcode: string;
  ocr: string;
}

export interface MergedLicence {
  fields: LicenceFields;
  sources: Partial<Record<LicenceFieldKey, LicenceFieldSource>>;
  /** Per field, 0–1; absent for an empty field. */
  fieldConfidence: Partial<Record<LicenceFieldKey, number>>;
  /** Mean confidence over the fields a claim check relies on (an empty one counts 0). */
  confidence: number;
  /** Fields both sides read but read differently: worth a look by a fraud check. */
  conflicts: FieldConflict[];
}

export const CORE_FIELDS: readonly LicenceFieldKey[] = [
  "DOCUMENT_NUMBER",
  "FIRST_NAME",
  "LAST_NAME",
  "DATE_OF_BIRTH",
  "EXPIRATION_DATE",
];

const comparable = (key: LicenceFieldKey, v: string) =>
  key === "DOCUMENT_NUMBER" ? normaliseDocumentNumber(v) : v.replace(/[^A-Z0-9]/g, "");

export function mergeLicenceReadings(
  barcode: PartialReadings | undefined,
  ocr: PartialReadings | undefined,
): MergedLicence {
  const fields = emptyLicenceFields();
  const sources: MergedLicence["sources"] = {};
  const fieldConfidence: MergedLicence["fieldConfidence"] = {};
  const conflicts: FieldConflict[] = [];
  for (const key of LICENCE_FIELD_KEYS) {
    const b = barcode?.[key];
    const o = ocr?.[key];
    // The side of the card in the picture is what OCR saw; a barcode alone means the back.
    const pick = key === "ID_TYPE" ? (o?.value === ID_TYPE_FRONT ? o : b) : b?.value ? b : o;
    if (!pick?.value) continue;
    fields[key] = pick.value;
    sources[key] = pick === b ? "barcode" : "ocr";
    fieldConfidence[key] = pick.confidence;
    if (key !== "ID_TYPE" && b?.value && o?.value && comparable(key, b.value) !== comparable(key, o.value)) {
      conflicts.push({ field: key, barcode: b.value, ocr: o.value });
    }
  }
  if (!fields.ID_TYPE && sources.DOCUMENT_NUMBER === "barcode") fields.ID_TYPE = ID_TYPE_BACK;
  const confidence = CORE_FIELDS.reduce((s, k) => s + (fieldConfidence[k] ?? 0), 0) / CORE_FIELDS.length;
  return { fields, sources, fieldConfidence, confidence: Math.round(confidence * 1000) / 1000, conflicts };
}

/** Barcode fields as readings: decoded PDF417 is error-corrected, so only a date read against its file's rule is less sure. */
export function barcodeReadings(
  fields: Partial<Record<LicenceFieldKey, string>>,
  doubtful: readonly LicenceFieldKey[] = [],
): PartialReadings {
  const out: PartialReadings = {};
  for (const [key, value] of Object.entries(fields) as Array<[LicenceFieldKey, string]>) {
    if (value) out[key] = { value, confidence: doubtful.includes(key) ? 0.9 : 0.99 };
  }
  return out;
}
