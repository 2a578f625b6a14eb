import type { Schemas } from "../api/client";
import { BarChart, formatMoney } from "../components/bar-chart";

type Claim = Schemas["DocumentClaim"];

/** The fraud score against its threshold, its top drivers as a chart, and the reserve. */
export function FraudPanel({ claim }: { claim: Claim }) {
  if (claim.fraud_score === null) return null;
  const drivers = ((claim.fraud_explanation ?? []) as Schemas["ExplanationItem"][]).slice(0, 6);
  const corrections = Object.keys(((claim.extracted_data ?? {}) as { corrections?: object }).corrections ?? {});
  return (
    <section aria-labelledby="fraud-heading" className="panel">
      <h2 id="fraud-heading">Fraud score and reserve</h2>
      <dl className="facts">
        <dt>Fraud score</dt>
        <dd>
          {claim.fraud_score.toFixed(3)}
          {claim.fraud_threshold !== null ? ` (threshold ${claim.fraud_threshold.toFixed(2)})` : ""}
          {claim.is_fraudulent ? " — flagged" : ""}
        </dd>
        <dt>Adjuster's verdict</dt>
        <dd>{claim.fraud_confirmed === null ? "none yet" : claim.fraud_confirmed ? "fraudulent" : "genuine"}</dd>
        <dt>Reserve</dt>
        <dd>{formatMoney(claim.reserve_estimate)}</dd>
        <dt>Model</dt>
        <dd>{claim.model_version ?? "—"}</dd>
      </dl>
      {corrections.length ? (
        <p className="notice">
          Scored on the fields as first read; corrected since: {corrections.join(", ").replaceAll("_", " ")}. Retraining
          learns from the corrected values.
        </p>
      ) : null}
      {drivers.length ? (
        <>
          <BarChart
            title="Top drivers of the score (contribution; + raises the risk)"
            bars={drivers.map((d) => ({
              label: d.feature,
              value: Number(d.contribution.toFixed(4)),
              tone: d.contribution > 0 ? "raises" : "lowers",
            }))}
          />
          <ul className="drivers">
            {drivers.map((d) => (
              <li key={d.feature_key}>{d.text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
