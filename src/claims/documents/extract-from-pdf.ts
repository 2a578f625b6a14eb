// What the claim-documents queue consumer calls: read the PDF, then extract the fields.
import { extractClaimFields, type ClaimExtraction } from "../../domain/documents";
import { readClaimDocument, type ClaimDocument, type ReadOptions } from "../../pdf/reader";

export interface ProcessedClaimDocument {
  extraction: ClaimExtraction;
  document: ClaimDocument;
}

export async function processClaimDocument(pdf: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<ProcessedClaimDocument> {
  const document = await readClaimDocument(pdf, options);
  const extraction = extractClaimFields({ pages: document.pages, formFields: document.formFields });
  return { extraction, document };
}
