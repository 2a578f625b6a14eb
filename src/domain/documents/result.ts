// The shape every extractor returns: values for extracted_data plus a confidence per field.

export type ExtractionMethod = "form-field" | "label" | "table" | "narrative";

export interface ExtractedField {
  value: string | number | string[] | Array<{ from: string; to: string }> | number[];
  confidence: number;
  method: ExtractionMethod;
  /** The text the value was read from (trimmed), for reviewers. */
  evidence: string;
  page?: number;
}

export interface ClaimExtraction {
  /** "ub04" is recognised (institutional claim form) but read only with the generic claim rules. */
  document_type: "claim" | "cms1500" | "ub04";
  /** Field name → value, ready to store as the claim's extracted_data. */
  extracted_data: Record<string, unknown>;
  /** Field name → confidence 0–1. */
  confidence: Record<string, number>;
  fields: Record<string, ExtractedField>;
}

export function finish(
  documentType: ClaimExtraction["document_type"],
  fields: Record<string, ExtractedField>,
): ClaimExtraction {
  const extracted_data: Record<string, unknown> = {};
  const confidence: Record<string, number> = {};
  for (const [name, f] of Object.entries(fields)) {
    extracted_data[name] = f.value;
    confidence[name] = f.confidence;
  }
  return { document_type: documentType, extracted_data, confidence, fields };
}
