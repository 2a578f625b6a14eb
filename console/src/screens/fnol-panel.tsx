import { api, errorText, type Schemas } from "../api/client";
import { formatMoney } from "../components/bar-chart";
import { Busy, ErrorNote } from "../components/status";
import { useLoad } from "../components/use-load";
import { FnolSettlementOverride, FnolSettlementVersions } from "./fnol-settlement";
import { FnolTimeline } from "./fnol-timeline";

const STAGE_WORDS: Record<string, string> = {
  REQUESTED: "Filed, being checked",
  AWAITING_PHOTO: "Waiting for the damage photo",
  PHOTO_RECEIVED: "Damage photo received, settling",
  SETTLED: "Settled",
  REJECTED: "Rejected",
  FRAUD_DETECTED: "Held by the fraud check",
  UNDER_REVIEW: "Under review by an adjuster",
  ABANDONED: "Closed: no damage photo came",
  FAILED: "Closed: it could not be processed",
};

const pct = (n: number) => `${Math.round(n <= 1 ? n * 100 : n)}%`;

/** The claim's events (at most 5 pages of 100: a claim has a dozen or so). */
async function claimEvents(claimId: string): Promise<Schemas["DomainEvent"][]> {
  const events: Schemas["DomainEvent"][] = [];
  let after: string | undefined;
  for (let page = 0; page < 5; page++) {
    const { data, error } = await api.GET("/api/v1/events", {
      params: { query: { claim_id: claimId, limit: 100, after } },
    });
    if (!data) throw new Error(errorText(error, "Could not load the claim's events"));
    events.push(...data.events);
    if (!data.next_after) break;
    after = data.next_after;
  }
  return events;
}

/**
 * A first notice of loss: its facts, the event timeline, the damage assessment, the settlement with
 * its versions and the rental car; staff who may act override the settlement here.
 */
export function FnolPanel({
  claimId,
  version,
  etag,
  mayOverride,
  onChanged,
}: {
  claimId: string;
  /** The claim's version on this page: the panel reloads when it moves. */
  version: number;
  etag: string;
  mayOverride: boolean;
  onChanged: (message: string) => void;
}) {
  const loaded = useLoad(async () => {
    const [claim, events] = await Promise.all([
      api.GET("/api/v1/fnol/claims/{id}", { params: { path: { id: claimId } } }),
      claimEvents(claimId),
    ]);
    if (!claim.data) throw new Error(errorText(claim.error, "Could not load the first notice of loss"));
    return { claim: claim.data, events };
  }, `${claimId}@${version}`);
  const fnol = loaded.data?.claim;
  const submitted = fnol?.submission as
    | {
        incident?: { description?: string; location?: { road?: string; city?: string; state?: string } };
        personalInformation?: { licensePlateNumber?: string; numberOfPassengers?: number };
        policeReport?: { isFiled?: boolean };
      }
    | undefined;
  const place = submitted?.incident?.location;
  const assessment = fnol?.damage_assessment;
  const rental = fnol?.rental;

  return (
    <>
      <Busy label="Loading the first notice of loss" active={loaded.loading} />
      <ErrorNote message={loaded.error} />
      {fnol ? (
        <>
          <section aria-labelledby="fnol-heading" className="panel">
            <h2 id="fnol-heading">First notice of loss</h2>
            <dl className="facts">
              <dt>Stage</dt>
              <dd data-testid="fnol-stage">{STAGE_WORDS[fnol.stage] ?? fnol.stage}</dd>
              {fnol.stage_reason ? (
                <>
                  <dt>Why</dt>
                  <dd>{fnol.stage_reason}</dd>
                </>
              ) : null}
              <dt>Policy</dt>
              <dd>{fnol.policy_id}</dd>
              <dt>Customer</dt>
              <dd>{fnol.customer_id}</dd>
              <dt>Occurred</dt>
              <dd>
                <time dateTime={fnol.occurrence_at}>{fnol.occurrence_at.slice(0, 16).replace("T", " ")}</time>
                {place ? ` — ${[place.road, place.city, place.state].filter(Boolean).join(", ")}` : ""}
              </dd>
              {submitted?.incident?.description ? (
                <>
                  <dt>What happened</dt>
                  <dd>{submitted.incident.description}</dd>
                </>
              ) : null}
              {submitted?.personalInformation?.licensePlateNumber ? (
                <>
                  <dt>Vehicle</dt>
                  <dd>
                    plate {submitted.personalInformation.licensePlateNumber}
                    {assessment ? `, ${assessment.color}` : ""}
                  </dd>
                </>
              ) : null}
              {submitted?.policeReport ? (
                <>
                  <dt>Police report</dt>
                  <dd>{submitted.policeReport.isFiled ? "filed" : "not filed"}</dd>
                </>
              ) : null}
              <dt>Damage photos refused</dt>
              <dd>{fnol.photo_attempts}</dd>
              {fnol.fraud_flag ? (
                <>
                  <dt>Fraud</dt>
                  <dd data-testid="fnol-fraud">{fnol.fraud_reason ?? "flagged"}</dd>
                </>
              ) : null}
            </dl>
          </section>
          <section aria-labelledby="damage-heading" className="panel">
            <h2 id="damage-heading">Damage assessment</h2>
            {assessment ? (
              <dl className="facts">
                <dt>Damage</dt>
                <dd>
                  {assessment.damage.Name.replace("_", " ")} ({pct(assessment.damage.Confidence)} confident)
                </dd>
                <dt>Colour</dt>
                <dd>
                  {assessment.color} ({pct(assessment.color_confidence)} confident)
                </dd>
                <dt>Severity</dt>
                <dd>
                  {assessment.severity}
                  {assessment.severity_probabilities
                    ? ` (${Object.entries(assessment.severity_probabilities)
                        .map(([label, p]) => `${label} ${pct(p)}`)
                        .join(", ")})`
                    : ""}
                </dd>
              </dl>
            ) : (
              <p>No damage photo assessed yet.</p>
            )}
          </section>
          <section aria-labelledby="settlement-heading" className="panel">
            <h2 id="settlement-heading">Settlement</h2>
            <FnolSettlementVersions versions={fnol.settlement_versions.filter((v) => v !== null)} />
            {mayOverride && fnol.settlement ? (
              <FnolSettlementOverride claimId={claimId} etag={etag} current={fnol.settlement} onChanged={onChanged} />
            ) : null}
          </section>
          <section aria-labelledby="rental-heading" className="panel">
            <h2 id="rental-heading">Rental car</h2>
            {rental ? (
              <dl className="facts">
                <dt>Booked</dt>
                <dd data-testid="rental-booked">{rental.booked ? "yes" : "no"}</dd>
                {rental.booked ? (
                  <>
                    <dt>Vendor</dt>
                    <dd data-testid="rental-vendor">{rental.vendor}</dd>
                    <dt>Days · daily rate</dt>
                    <dd>
                      {rental.days} days · {formatMoney(rental.daily_rate)}
                    </dd>
                    <dt>Total</dt>
                    <dd>{formatMoney(rental.total_cost)}</dd>
                  </>
                ) : (
                  <>
                    <dt>Why not</dt>
                    <dd>{rental.reason}</dd>
                  </>
                )}
              </dl>
            ) : (
              <p>No rental car yet: it is booked once the claim is settled.</p>
            )}
          </section>
          <FnolTimeline events={loaded.data?.events ?? []} />
        </>
      ) : null}
    </>
  );
}
