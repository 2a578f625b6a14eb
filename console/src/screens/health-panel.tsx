import type { Schemas } from "../api/client";
import { formatMoney } from "../components/bar-chart";

type Claim = Schemas["HealthClaim"];

/** A health claim's adjudication: amounts, reason codes in words, and the member's benefit now. */
export function HealthPanel({ claim, benefit }: { claim: Claim; benefit?: Schemas["MemberBenefit"] }) {
  return (
    <section aria-labelledby="health-heading" className="panel">
      <h2 id="health-heading">Adjudication</h2>
      <dl className="facts">
        <dt>Member · provider</dt>
        <dd>
          {claim.member_id} · {claim.provider_id}
        </dd>
        <dt>Diagnosis · procedure</dt>
        <dd>
          {claim.diagnosis_code} · {claim.procedure_code} on {claim.service_date}
        </dd>
        <dt>Claimed · approved</dt>
        <dd>
          {formatMoney(claim.claim_amount)} · {formatMoney(claim.approved_amount)}
        </dd>
        {claim.fraud_flag ? (
          <>
            <dt>Fraud</dt>
            <dd>{claim.fraud_reason ?? "flagged"}</dd>
          </>
        ) : null}
        {benefit ? (
          <>
            <dt>Member's benefit</dt>
            <dd>
              {formatMoney(benefit.remaining_benefit)} left of {formatMoney(benefit.benefit_limit)} ({benefit.status})
            </dd>
          </>
        ) : null}
      </dl>
      {claim.reasons.length ? (
        <>
          <h3>Reason codes</h3>
          <ul>
            {claim.reasons.map((r) => (
              <li key={r.code}>
                <code>{r.code}</code> {r.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
