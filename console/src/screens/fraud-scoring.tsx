import { type FormEvent, useState } from "react";
import { api, errorText, type Schemas } from "../api/client";
import { BarChart } from "../components/bar-chart";
import { Busy, ErrorNote } from "../components/status";

type Facts = Schemas["InsuranceClaimFacts"];

const CHOICES = {
  incident_severity: ["Trivial Damage", "Minor Damage", "Major Damage", "Total Loss"],
  incident_type: ["Single Vehicle Collision", "Multi-vehicle Collision", "Vehicle Theft", "Parked Car"],
  collision_type: ["Front Collision", "Rear Collision", "Side Collision"],
  authorities_contacted: ["Police", "Fire", "Ambulance", "Other", "None"],
  police_report_available: ["YES", "NO"],
} as const;
const NUMBERS = [
  ["total_claim_amount", "Total claim amount ($)"],
  ["policy_annual_premium", "Annual premium ($)"],
  ["age", "Insured's age"],
  ["months_as_customer", "Months as a customer"],
  ["witnesses", "Witnesses"],
  ["incident_hour_of_the_day", "Hour of the incident (0–23)"],
] as const;
const label = (name: string) => name.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());

/** A claim's facts in, the fraud probability, the auto-flag decision and the drivers out. */
export function FraudScoring() {
  const [score, setScore] = useState<Schemas["FraudScore"] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const facts: Record<string, string | number> = {};
    for (const [name, value] of form.entries()) {
      const text = String(value).trim();
      if (!text) continue;
      facts[name] = NUMBERS.some(([n]) => n === name) ? Number(text) : text;
    }
    setBusy(true);
    setError(null);
    const { data, error } = await api.POST("/api/v1/fraud/score", {
      params: { query: { explain: true, scenario: "auto_flagger" } },
      body: facts as Facts,
    });
    setBusy(false);
    setScore(data ?? null);
    if (!data) setError(errorText(error, "The claim could not be scored"));
  }

  return (
    <main>
      <h1>Fraud scoring</h1>
      <form className="filters scoring" aria-label="Claim facts" onSubmit={submit}>
        {Object.entries(CHOICES).map(([name, values]) => (
          <label key={name}>
            {label(name)}
            <select name={name} defaultValue="">
              <option value="">Not known</option>
              {values.map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          </label>
        ))}
        {NUMBERS.map(([name, text]) => (
          <label key={name}>
            {text}
            <input name={name} type="number" step="any" min="0" />
          </label>
        ))}
        <label>
          Insured's hobbies
          <input name="insured_hobbies" maxLength={60} />
        </label>
        <label>
          Incident state
          <input name="incident_state" maxLength={2} />
        </label>
        <button type="submit" disabled={busy}>
          Score the claim
        </button>
      </form>
      <Busy label="Scoring" active={busy} />
      <ErrorNote message={error} />
      {score ? (
        <section aria-labelledby="score-heading" className="panel">
          <h2 id="score-heading">Result</h2>
          <dl className="facts">
            <dt>Fraud probability</dt>
            <dd data-testid="fraud-probability">{score.probability.toFixed(3)}</dd>
            <dt>Decision</dt>
            <dd data-testid="fraud-decision">
              {score.threshold_flag === "AUTO_FLAG"
                ? "Flag for investigation"
                : score.threshold_flag === "AUTO_APPROVE"
                  ? "Approve automatically"
                  : "Adjuster review"}{" "}
              (threshold {score.threshold.toFixed(2)})
            </dd>
            <dt>Model</dt>
            <dd>{score.model_version}</dd>
          </dl>
          {score.explanation?.length ? (
            <BarChart
              title="Drivers of the score (contribution; + raises the risk)"
              bars={score.explanation.slice(0, 8).map((d) => ({
                label: d.feature,
                value: Number(d.contribution.toFixed(4)),
                tone: d.contribution > 0 ? "raises" : "lowers",
              }))}
            />
          ) : null}
        </section>
      ) : null}
    </main>
  );
}
