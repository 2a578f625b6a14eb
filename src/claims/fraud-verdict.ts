import { sql } from "drizzle-orm";
import { claims, predictions } from "../db/schema";

/**
 * 1 when a claim counts as fraudulent in queues and reports, else 0: an adjuster's verdict when
 * there is one; otherwise the rules' flag (cost anomaly, duplicate, reused photo) or the fraud
 * model's call on a document. Needs predictions left-joined.
 */
export const fraudVerdict = sql<number>`(CASE WHEN ${claims.fraudConfirmed} IS NOT NULL THEN ${claims.fraudConfirmed} WHEN ${claims.fraudFlag} = 1 OR ${predictions.isFraudulent} = 1 THEN 1 ELSE 0 END)`;
