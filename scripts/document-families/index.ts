// The families of claim documents insurers receive, generated with known field values: a
// development split to tune on and a held-out split (other seeds, wordings, formats, fonts
// and degradations) to report on. Each document comes typed (text layer or filled form) and
// photocopied (an image-only scan of the same pages).
import { claimFacts } from "./facts";
import { acord2 } from "./families/acord2";
import { correspondence } from "./families/correspondence";
import { lossNotice } from "./families/loss-notice";
import { repairEstimate } from "./families/repair-estimate";
import { twoPageForm } from "./families/two-page-form";
import type { FamilyDocument } from "./families/types";
import { photocopy } from "./photocopy";
import { Random } from "./random";
import { type Degradation, degradation, type Split } from "./variations";

export type { ExpectedFields } from "./facts";
export type { Split } from "./variations";

export const FAMILIES = {
  "loss-notice": lossNotice,
  acord2,
  "repair-estimate": repairEstimate,
  correspondence,
  "two-page-form": twoPageForm,
} as const;

export type FamilyName = keyof typeof FAMILIES;

export interface GeneratedDocument extends FamilyDocument {
  id: string;
  family: FamilyName;
  split: Split;
  seed: number;
}

const SEED_BASE: Record<Split, number> = { dev: 1_000, heldout: 500_000 };

export async function generateDocument(family: FamilyName, split: Split, index: number): Promise<GeneratedDocument> {
  const seed = SEED_BASE[split] + index * 7919 + Object.keys(FAMILIES).indexOf(family) * 104_729;
  const rng = new Random(seed);
  const doc = await FAMILIES[family](rng, split, claimFacts(rng));
  return { ...doc, id: `${family}-${split}-${String(index).padStart(3, "0")}`, family, split, seed };
}

/** The photocopy of a generated document, degraded as its split degrades scans. */
export async function photocopyOf(doc: GeneratedDocument): Promise<{ pdf: Uint8Array; degradation: Degradation }> {
  const d = degradation(new Random(doc.seed ^ 0x5bd1e995), doc.split);
  return { pdf: await photocopy(doc.pdf, d, doc.seed), degradation: d };
}
