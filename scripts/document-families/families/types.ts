import type { ExpectedFields } from "../facts";

export interface FamilyDocument {
  /** The document as issued: a text layer, or a filled fillable form. */
  pdf: Uint8Array;
  expected: ExpectedFields;
  /** Layout, wording and font choices, for reports. */
  variant: string;
}
