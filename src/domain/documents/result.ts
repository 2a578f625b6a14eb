// The shape every extractor returns: values for extracted_data, plus for each field its
// confidence, where it came from, whether OCR read it, and the fields an adjuster must check.
import { needsReview } from "./review";

/** "form-box": a known paper form's fill-in box read from a scan by where the form puts it. */
export type ExtractionMethod = "form-field" | "form-box" | "label" | "table" | "narrative";

/** Where a value came from: a filled form field, a caption/value pair in the layout, or a sentence. */
export type FieldSource = "form-field" | "layout" | "sentence";

export interface ExtractedField {
  value: string | number | string[] | Array<{ from: string; to: string }> | number[];
  confidence: number;
  method: ExtractionMethod;
  /** Set by `finish` from the method when not given. */
  source?: FieldSource;
  /** Read from OCR text (a scan) rather than a text layer or a form field. */
  ocr?: boolean;
  /** The text the value was read from (trimmed), for reviewers. */
  evidence: string;
  page?: number;
}

export interface ClaimExtraction {
  /** "ub04" is recognised (institutional claim form) but read only with the generic claim rules. */
  document_type: "claim" | "cms1500" | "ub04";
  /** A fillable form recognised by its field names (e.g. ACORD 2). */
  form?: string;
  /** Field name → value, ready to store as the claim's extracted_data. */
  extracted_data: Record<string, unknown>;
  /** Field name → confidence 0–1. */
  confidence: Record<string, number>;
  /** Field name → where the value came from. */
  sources: Record<string, FieldSource>;
  /** Core fields that are missing or below the review threshold: an adjuster checks them, the models do not use them. */
  needs_review: string[];
  fields: Record<string, ExtractedField>;
}

const SOURCE_OF: Record<ExtractionMethod, FieldSource> = {
  "form-field": "form-field",
  "form-box": "layout",
  label: "layout",
  table: "layout",
  narrative: "sentence",
};

export function finish(
  documentType: ClaimExtraction["document_type"],
  fields: Record<string, ExtractedField>,
  form?: string,
): ClaimExtraction {
  const extracted_data: Record<string, unknown> = {};
  const confidence: Record<string, number> = {};
  const sources: Record<string, FieldSource> = {};
  for (const [name, f] of Object.entries(fields)) {
    f.source ??= SOURCE_OF[f.method];
    f.ocr ??= false;
    extracted_data[name] = f.value;
    confidence[name] = f.confidence;
    sources[name] = f.source;
  }
  return {
    document_type: documentType,
    ...(form ? { form } : {}),
    extracted_data,
    confidence,
    sources,
    needs_review: needsReview(documentType, fields),
    fields,
  };
}
