import type { ExtractedField, ExtractionMethod } from "./result";

/** One reading of a claim field from one place in the document; the best per field wins. */
export interface Candidate {
  field: string;
  value: ExtractedField["value"];
  confidence: number;
  method: ExtractionMethod;
  evidence: string;
  page?: number;
  /** Index of the line a label candidate was read from. */
  line?: number;
}
