import type { ShapResult } from "../../ml/treeshap";
import { type FeatureSchema, featureDefs, type RawClaim, readFeatures } from "./features";

/** One driver of a score: the fraud-scoring service's explanation item plus the signed contribution. */
export interface ExplanationItem {
  /** User label of the source feature. */
  feature: string;
  /** Technical name of the source feature (column name in the training data). */
  feature_key: string;
  direction: "UP" | "DOWN";
  text: string;
  /** |contribution|, on the model's score scale. */
  importance: number;
  /** Signed SHAP contribution (one-hot columns summed back to their feature). */
  contribution: number;
  /** The claim's value of the feature; null when missing. */
  value: number | string | null;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Top drivers of one score from its SHAP values: one-hot columns are grouped back to their
 * source feature, ranked by |contribution|, and worded from the claim's own values.
 */
export function explainContributions(
  schema: FeatureSchema,
  raw: RawClaim,
  shap: ShapResult,
  options: { top?: number; outcome?: string } = {},
): ExplanationItem[] {
  const top = options.top ?? 5;
  const outcome = options.outcome ?? "the fraud risk";
  const byFeature = new Map<string, number>();
  for (const [j, c] of schema.columns.entries()) {
    byFeature.set(c.feature, (byFeature.get(c.feature) ?? 0) + (shap.contributions[j] as number));
  }
  const values = readFeatures(schema, raw);
  const defs = new Map(featureDefs(schema).map((d) => [d.name, d]));
  return [...byFeature]
    .filter(([, c]) => Math.abs(c) > 1e-9)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, top)
    .map(([name, contribution]) => {
      const def = defs.get(name);
      const label = def?.label ?? name;
      const v = values[name];
      let subject: string;
      if (v === undefined) subject = `${label} not given`;
      else if (typeof v === "string") {
        const known = schema.categories[name]?.includes(v) ?? false;
        subject = known ? (def?.phrase?.(v) ?? `${label} ${v}`) : `${label} "${v}" (not seen in training)`;
      } else subject = `${label} of ${def?.format ? def.format(v) : String(Number(v.toFixed(4)))}`;
      const up = contribution > 0;
      return {
        feature: label,
        feature_key: name,
        direction: up ? "UP" : "DOWN",
        text: `${capitalise(subject)} ${up ? "raises" : "lowers"} ${outcome}`,
        importance: Math.abs(contribution),
        contribution,
        value: v ?? null,
      } satisfies ExplanationItem;
    });
}
