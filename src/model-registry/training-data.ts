import { and, eq, isNotNull } from "drizzle-orm";
import { csvObjects } from "../csv";
import type { Database } from "../db/client";
import { claims, policies } from "../db/schema";
import { fraudInputFromDocument, storedReviewList } from "../domain/documents/fraud-input";
import type { RawClaim } from "../domain/fraud";

/** Where a data set's stored training rows live in the MODELS bucket (put there by the local setup). */
export const trainingDataKey = (dataset: string) => `training-data/${dataset}.csv`;

/** The stored training rows of a data set, as raw claims (the feature module reads them as-is). */
export async function storedTrainingRows(bucket: R2Bucket, dataset: string): Promise<RawClaim[]> {
  const object = await bucket.get(trainingDataKey(dataset));
  if (!object) throw new Error(`no training data at ${trainingDataKey(dataset)}`);
  return csvObjects(await object.text()) as RawClaim[];
}

/**
 * Document claims an adjuster has labelled (fraud confirmed or cleared), as insurance_claims
 * training rows: the facts read from the PDF joined with the policy, and the verdict as
 * `fraud_reported`.
 */
export async function adjudicatedClaimRows(db: Database): Promise<RawClaim[]> {
  const rows = await db
    .select({ extracted: claims.extractedData, fraud: claims.fraudConfirmed, policy: policies.attributes })
    .from(claims)
    .leftJoin(policies, eq(policies.policyNumber, claims.policyNumber))
    .where(and(eq(claims.channel, "document"), isNotNull(claims.fraudConfirmed)));
  return rows.map((row) => ({
    ...fraudInputFromDocument(row.extracted ?? {}, row.policy ?? null, storedReviewList(row.extracted)),
    fraud_reported: row.fraud ? "Y" : "N",
  }));
}
