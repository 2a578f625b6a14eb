// One reading of one field: the value, how sure the reading is, how it was found and where.
import type { ExtractedField, ExtractionMethod } from "./result";
import type { SectionRole } from "./sections";

export interface Candidate {
  field: string;
  value: ExtractedField["value"];
  confidence: number;
  method: ExtractionMethod;
  evidence: string;
  page?: number;
  /** Index of the line a label candidate was read from. */
  line?: number;
  /** Whose section the value was printed in (the insured's, unless a heading said otherwise). */
  role?: SectionRole;
  /** Read from OCR text. */
  ocr?: boolean;
}
