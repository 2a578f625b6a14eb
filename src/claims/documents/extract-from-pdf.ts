// The reading step of a document claim: the PDF's text (layer, form fields, OCR), then the claim fields.
import { type ClaimExtraction, extractClaimFields } from "../../domain/documents";
import { type ClaimDocument, type ReadOptions, readClaimDocument } from "../../pdf/reader";

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
