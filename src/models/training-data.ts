import type { RawClaim } from "../domain/fraud";
import { parseCsv } from "../ml/csv";

/** Where a data set's stored training rows live in the MODELS bucket (seeded by the local setup). */
export const trainingDataKey = (dataset: string) => `training-data/${dataset}.csv`;

/** The stored training rows of a data set, as raw claims (the feature module reads them as-is). */
export async function storedTrainingRows(bucket: R2Bucket, dataset: string): Promise<RawClaim[]> {
  const object = await bucket.get(trainingDataKey(dataset));
  if (!object) throw new Error(`no training data at ${trainingDataKey(dataset)}`);
  return parseCsv(await object.text()) as RawClaim[];
}
