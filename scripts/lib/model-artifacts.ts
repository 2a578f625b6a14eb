import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";

/** Artifacts too large for the Worker bundle, served from the MODELS bucket instead. */
export const R2_ARTIFACTS: { key: string; file: string }[] = [
  { key: "damage/damage-classifier.onnx", file: "models/damage/damage-classifier.onnx" },
  { key: "ocr/eng.traineddata.gz", file: "node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz" },
];

/** Puts each artifact into R2 unless the same bytes are already there. */
export async function seedModelArtifacts(bucket: R2Bucket): Promise<void> {
  for (const { key, file } of R2_ARTIFACTS) {
    if (!existsSync(file)) {
      console.log(`skipping ${key}: ${file} not found`);
      continue;
    }
    const bytes = readFileSync(file);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const current = await bucket.head(key);
    if (current?.customMetadata?.sha256 === sha256) continue;
    await bucket.put(key, bytes, { customMetadata: { sha256 } });
    console.log(`seeded r2://claimsedge-models/${key} (${(bytes.length / 1e6).toFixed(1)} MB)`);
  }
}
