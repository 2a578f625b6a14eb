// The reading step of a document claim: the PDF's text (layer, form fields, OCR), then the claim fields.
import { extractClaimFields, type ClaimExtraction } from "../../domain/documents";
import { readClaimDocument, type ClaimDocument, type ReadOptions } from "../../pdf/reader";

export interface PdfFieldExtraction {
  extraction: ClaimExtraction;
  document: ClaimDocument;
}

export async function extractFieldsFromPdf(
  pdf: ArrayBuffer | Uint8Array,
  options: ReadOptions = {},
): Promise<PdfFieldExtraction> {
  const document = await readClaimDocument(pdf, options);
  const extraction = extractClaimFields({ pages: document.pages, formFields: document.formFields });
  return { extraction, document };
}
