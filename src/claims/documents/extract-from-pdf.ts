// The reading step of a document claim: the PDF's text (layer, form fields, OCR), then the claim fields.
import { type ClaimExtraction, extractClaimFields } from "../../domain/documents";
import { acord2ValueBoxes } from "../../domain/documents/acord2";
import { type ClaimDocument, type ReadOptions, readClaimDocument } from "../../pdf/reader";

export interface PdfFieldExtraction {
  extraction: ClaimExtraction;
  document: ClaimDocument;
}

export async function extractFieldsFromPdf(
  pdf: ArrayBuffer | Uint8Array,
  options: ReadOptions = {},
): Promise<PdfFieldExtraction> {
  // A scanned ACORD 2's value boxes are read again one by one.
  const document = await readClaimDocument(pdf, { valueBoxes: acord2ValueBoxes, ...options });
  const extraction = extractClaimFields({ pages: document.pages, formFields: document.formFields });
  return { extraction, document };
}
