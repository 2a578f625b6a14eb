import { classifyCarColour } from "../customers/documents/car-colour-model";
import type { ModelColour } from "../domain/document-fraud/colour-names";
import { interpretDamageProbabilities } from "../domain/photo/decision";
import { PhotoError, type PhotoErrorCode } from "../domain/photo/errors";
import type { DamageSeverity } from "../domain/settlement/damage-severity";
import type { Env } from "../env";
import { DAMAGE_MODEL_VERSION, predictDamage } from "../image/damage-model";
import { preparePhoto } from "../image/pipeline";
import { classifyDamageSeverity } from "./damage-severity-model";

/** A damage photo that cannot be assessed: the customer is told why and may retake it. */
export interface UnusableDamagePhoto {
  usable: false;
  code: PhotoErrorCode;
  message: string;
  guidance: string[];
}

/** What a usable damage photo shows: small enough to be a Workflow step's result. */
export interface DamagePhotoAssessment {
  usable: true;
  qualityScore: number;
  damageProbability: number;
  damage: { Name: "damage" | "no_damage"; Confidence: number };
  colour: { label: ModelColour; confidence: number; probabilities: Record<ModelColour, number> };
  severity: { label: DamageSeverity; confidence: number; probabilities: Record<DamageSeverity, number> };
  models: { damage: string; colour: string; severity: string };
}

export type DamagePhotoAnalysis = UnusableDamagePhoto | DamagePhotoAssessment;

/** A photo whose assessment failed on every attempt: the customer is asked for another one. */
export const UNASSESSABLE_PHOTO: UnusableDamagePhoto = {
  usable: false,
  code: "INVALID_IMAGE",
  message: "The photo could not be assessed",
  guidance: ["Take a new photo of the damage as a JPEG or PNG straight from the camera"],
};

const percent = (p: number) => Math.round(p * 100_000) / 1000;

/**
 * The photo pipeline of photo claims (header checks, decode, quality gate with guidance), then the
 * damage, car colour and damage severity models on the same model input.
 */
export async function analyseDamagePhoto(env: Env, bytes: Uint8Array): Promise<DamagePhotoAnalysis> {
  let photo: Awaited<ReturnType<typeof preparePhoto>>;
  try {
    photo = await preparePhoto(bytes);
  } catch (error) {
    if (!(error instanceof PhotoError)) throw error;
    const issues = (error.details?.issues as string[] | undefined) ?? [];
    return {
      usable: false,
      code: error.code,
      message: error.message,
      guidance: [...issues, ...(error.feedback ? [error.feedback] : [])],
    };
  }
  const [damageProbabilities, colour, severity] = await Promise.all([
    predictDamage(env, photo.modelInput),
    classifyCarColour(env, photo.modelInput),
    classifyDamageSeverity(env, photo.modelInput),
  ]);
  const damage = interpretDamageProbabilities(damageProbabilities);
  const damageProbability = damage.damageDetected ? damage.confidence : 1 - damage.confidence;
  return {
    usable: true,
    qualityScore: photo.quality.qualityScore,
    damageProbability,
    damage: { Name: damage.damageDetected ? "damage" : "no_damage", Confidence: percent(damage.confidence) },
    colour: { label: colour.label, confidence: colour.confidence, probabilities: colour.probabilities },
    severity: { label: severity.label, confidence: severity.confidence, probabilities: severity.probabilities },
    models: { damage: DAMAGE_MODEL_VERSION, colour: colour.modelVersion, severity: severity.modelVersion },
  };
}
