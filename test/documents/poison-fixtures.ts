// The hostile PDFs (scripts/make-poison-pdfs.ts) and the reason each must be refused for.
import deepNesting from "../fixtures/documents/poison/deep-nesting.pdf";
import drawingFlood from "../fixtures/documents/poison/drawing-flood.pdf";
import encryptedBombAes256 from "../fixtures/documents/poison/encrypted-bomb-aes256.pdf";
import encryptedBombRc4 from "../fixtures/documents/poison/encrypted-bomb-rc4.pdf";
import hugeImage from "../fixtures/documents/poison/huge-image.pdf";
import inflationBomb from "../fixtures/documents/poison/inflation-bomb.pdf";
import lyingJpeg from "../fixtures/documents/poison/lying-jpeg.pdf";
import lyingPageCount from "../fixtures/documents/poison/lying-page-count.pdf";
import manyTinyPages from "../fixtures/documents/poison/many-tiny-pages.pdf";
import pageTreeLoop from "../fixtures/documents/poison/page-tree-loop.pdf";
import expected from "../fixtures/documents/poison/poison.json";
import textFlood from "../fixtures/documents/poison/text-flood.pdf";

export const POISON_FILES: Record<string, ArrayBuffer> = {
  "huge-image.pdf": hugeImage,
  "lying-jpeg.pdf": lyingJpeg,
  "inflation-bomb.pdf": inflationBomb,
  "encrypted-bomb-aes256.pdf": encryptedBombAes256,
  "encrypted-bomb-rc4.pdf": encryptedBombRc4,
  "lying-page-count.pdf": lyingPageCount,
  "page-tree-loop.pdf": pageTreeLoop,
  "deep-nesting.pdf": deepNesting,
  "many-tiny-pages.pdf": manyTinyPages,
  "text-flood.pdf": textFlood,
  "drawing-flood.pdf": drawingFlood,
};

/** File → the PdfRejection code it must end with. */
export const POISON_REASONS: Record<string, string> = Object.fromEntries(
  Object.entries(expected as Record<string, { reason: string }>).map(([file, { reason }]) => [file, reason]),
);

/** Structurally sound, so accepted at upload; it fails only when its pages are walked. */
export const FAILS_ONLY_WHEN_READ = new Set(["page-tree-loop.pdf"]);
