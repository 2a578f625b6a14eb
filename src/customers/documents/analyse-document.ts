import type { ModelColour } from "../../domain/document-fraud/colour-names";
import type { LicenceFields } from "../../domain/licence/fields";
import { interpretDamageProbabilities } from "../../domain/photo/decision";
import { PhotoError } from "../../domain/photo/errors";
import { inspectImage } from "../../domain/photo/image-header";
import { damageModelInput } from "../../domain/photo/preprocess";
import type { Env } from "../../env";
import { DAMAGE_MODEL_VERSION, predictDamage } from "../../image/damage-model";
import { decodePhoto } from "../../image/decode";
import { readDriversLicence } from "../../licence/read-licence";
import { getPageOcr } from "../../pdf/ocr";
import { classifyCarColour } from "./car-colour-model";

export const OCR_LANGUAGE_DATA_KEY = "ocr/eng.traineddata.gz";

export interface LicenceAnalysis {
  documentType: "DRIVERS_LICENSE";
  fields: LicenceFields;
  /** Fields read by OCR of the front (the rest came from the barcode, or are empty). */
  readByOcr: string[];
  fieldConfidence: Record<string, number>;
  confidence: number;
  barcodeFound: boolean;
  ocrRan: boolean;
  conflicts: { field: string; barcode: string; ocr: string }[];
}

export interface CarAnalysis {
  documentType: "CAR";
  damage: { Name: "damage" | "no_damage"; Confidence: number };
  color: { Name: ModelColour; Confidence: number };
  colourProbabilities: Record<ModelColour, number>;
  models: { damage: string; colour: string };
}

export type DocumentAnalysis = LicenceAnalysis | CarAnalysis;

/** A document that can never be read, whatever the retries (bad image bytes): fail it at once. */
export class UnreadableDocumentError extends Error {}

const percent = (p: number) => Math.round(p * 100_000) / 1000;

/** Reads a stored licence or car image into the analysis the Document.Processed event carries. */
export async function analyseDocument(
  env: Env,
  documentType: "DRIVERS_LICENSE" | "CAR",
  bytes: Uint8Array,
): Promise<DocumentAnalysis> {
  try {
    return documentType === "DRIVERS_LICENSE" ? await analyseLicence(env, bytes) : await analyseCar(env, bytes);
  } catch (error) {
    if (error instanceof PhotoError) throw new UnreadableDocumentError(`${error.code}: ${error.message}`);
    throw error;
  }
}

async function analyseLicence(env: Env, bytes: Uint8Array): Promise<LicenceAnalysis> {
  const reading = await readDriversLicence(bytes, {
    ocr: () =>
      getPageOcr(async () => {
        const data = await env.MODELS.get(OCR_LANGUAGE_DATA_KEY);
        if (!data) throw new Error(`OCR language data ${OCR_LANGUAGE_DATA_KEY} is missing from R2`);
        return data.arrayBuffer();
      }),
  });
  return {
    documentType: "DRIVERS_LICENSE",
    fields: reading.fields,
    readByOcr: Object.entries(reading.sources)
      .filter(([, source]) => source === "ocr")
      .map(([field]) => field),
    fieldConfidence: reading.fieldConfidence as Record<string, number>,
    confidence: reading.confidence,
    barcodeFound: reading.barcodeFound,
    ocrRan: reading.ocr.ran,
    conflicts: reading.conflicts.map((c) => ({ field: c.field, barcode: c.barcode, ocr: c.ocr })),
  };
}

async function analyseCar(env: Env, bytes: Uint8Array): Promise<CarAnalysis> {
  const header = inspectImage(bytes);
  if (!header.ok) throw new PhotoError(header.error);
  const image = await decodePhoto(bytes, header.value);
  const [damageProbabilities, colour] = await Promise.all([
    predictDamage(env, damageModelInput(image)),
    classifyCarColour(env, image),
  ]);
  const damage = interpretDamageProbabilities(damageProbabilities);
  return {
    documentType: "CAR",
    damage: { Name: damage.damageDetected ? "damage" : "no_damage", Confidence: percent(damage.confidence) },
    color: { Name: colour.label, Confidence: percent(colour.confidence) },
    colourProbabilities: colour.probabilities,
    models: { damage: DAMAGE_MODEL_VERSION, colour: colour.modelVersion },
  };
}
