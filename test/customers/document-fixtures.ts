import { env } from "cloudflare:workers";
import traineddata from "../../node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz";
import { OCR_LANGUAGE_DATA_KEY } from "../../src/customers/documents/analyse-document";
import { LICENCE_IMAGES } from "../fixtures/licences/images";

/** The OCR language data where the licence reader loads it from (R2, as in production). */
export const installOcrLanguageData = () => env.MODELS.put(OCR_LANGUAGE_DATA_KEY, traineddata);

export const licenceImage = (file: string): ArrayBuffer => {
  const image = LICENCE_IMAGES[file];
  if (!image) throw new Error(`no licence fixture ${file}`);
  // A copy: the fixture module's buffer is shared by every test in the file.
  return image.slice(0);
};

/**
 * Licences of the fixture set (test/fixtures/licences/expected.json), by the person on them:
 * a back whose barcode reads MICHAEL WILLIAMS (valid to 2030), one that expired (LINDA TAYLOR,
 * 03/23/2025) and a front read by OCR (SOFIA JOHNSON, valid to 2030).
 */
export const LICENCES = {
  michaelWilliams: { file: "back-v10-scan.jpg", first: "Michael", last: "Williams", number: "908393596" },
  lindaTaylorExpired: { file: "back-v03-scan.jpg", first: "Linda", last: "Taylor", number: "573122576" },
  sofiaJohnsonFront: { file: "front-stacked-1-scan.jpg", first: "Sofia", last: "Johnson", number: "98175037" },
} as const;
