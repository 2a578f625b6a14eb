import { type FormEvent, useState } from "react";
import { api, errorText, type Schemas } from "../api/client";
import { formatMoney } from "../components/bar-chart";
import { Busy, ErrorNote } from "../components/status";

type Settlement = NonNullable<Schemas["FnolSettlement"]>;

const when = (iso: string) => iso.slice(0, 16).replace("T", " ");

function decidedBy(version: Settlement): string {
  if (version.decision.by === "assessment") return "the automatic assessment";
  const who = version.decision.adjuster;
  return who ? who.name || who.email || who.id : "an adjuster";
}

/** Every settlement version, newest first: the figures, who decided it, when and why. */
export function FnolSettlementVersions({ versions }: { versions: Settlement[] }) {
  if (versions.length === 0) return <p>No settlement yet: it is computed once the damage photo is assessed.</p>;
  const current = versions[versions.length - 1]!;
  return (
    <>
      <dl className="facts">
        <dt>Payout</dt>
        <dd data-testid="settlement-payout">{formatMoney(current.payout)}</dd>
        <dt>Deductible</dt>
        <dd>{formatMoney(current.deductible)}</dd>
        <dt>Out of pocket</dt>
        <dd>{formatMoney(current.out_of_pocket)}</dd>
        <dt>Repair estimate · actual cash value</dt>
        <dd>
          {formatMoney(current.repair_estimate)} · {formatMoney(current.actual_cash_value)}
        </dd>
        <dt>Total loss</dt>
        <dd>{current.total_loss ? "yes" : "no"}</dd>
        <dt>Rental coverage</dt>
        <dd>{current.rental_days} days</dd>
        {current.review_recommended ? (
          <>
            <dt>Review</dt>
            <dd>The damage assessment was unsure: an adjuster should check the figures</dd>
          </>
        ) : null}
        <dt>Message</dt>
        <dd>{current.message}</dd>
      </dl>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe: scrollable-region-focusable) */}
      <section className="table-scroll" aria-label="Settlement versions (scrolls sideways)" tabIndex={0}>
        <table aria-label="Settlement versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Payout</th>
              <th scope="col">Deductible</th>
              <th scope="col">Rental days</th>
              <th scope="col">Decided by</th>
              <th scope="col">When</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {[...versions].reverse().map((v) => (
              <tr key={v.settlement_id} data-version={v.version}>
                <td>{v.version}</td>
                <td>{formatMoney(v.payout)}</td>
                <td>{formatMoney(v.deductible)}</td>
                <td>{v.rental_days}</td>
                <td>{decidedBy(v)}</td>
                <td>
                  <time dateTime={v.decision.decided_at}>{when(v.decision.decided_at)}</time>
                </td>
                <td>{v.decision.reason ?? (v.decision.by === "assessment" ? "computed from the damage photo" : "")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

const amount = (form: FormData, name: string): number | undefined => {
  const raw = String(form.get(name) ?? "").trim();
  return raw === "" ? undefined : Number(raw);
};

/**
 * An adjuster's override: a new settlement version with a reason, sent with If-Match (the claim's
 * version on this page) and the settlement version shown. A 412 reloads the page and says so.
 */
export function FnolSettlementOverride({
  claimId,
  etag,
  current,
  onChanged,
}: {
  claimId: string;
  etag: string;
  current: Settlement;
  onChanged: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const payout = amount(form, "payout");
    const deductible = amount(form, "deductible");
    const repairDays = amount(form, "repair_days");
    setBusy(true);
    setError(null);
    const { data, error, response } = await api.POST("/api/v1/fnol/claims/{id}/settlement/override", {
      params: { path: { id: claimId }, header: { "if-match": etag } },
      body: {
        reason: String(form.get("reason") ?? ""),
        expected_version: current.version,
        ...(payout === undefined ? {} : { payout }),
        ...(deductible === undefined ? {} : { deductible }),
        ...(repairDays === undefined ? {} : { repair_days: repairDays }),
      },
    });
    setBusy(false);
    if (data) return onChanged(`Settlement version ${data.version} recorded: payout ${formatMoney(data.payout)}`);
    if (response.status === 412) {
      onChanged("");
      return setError(`${errorText(error)}. The page now shows the claim as it is.`);
    }
    setError(errorText(error, `The override failed (${response.status})`));
  }

  return (
    <form className="decision" aria-label="Override the settlement" onSubmit={submit}>
      <p>
        Figures left empty keep version {current.version}'s; the payout is recomputed unless you set it. The customer is
        told of the new version and the rental car follows its days.
      </p>
      <label>
        Payout ($)
        <input
          name="payout"
          type="number"
          min={0}
          step="0.01"
          inputMode="decimal"
          placeholder={String(current.payout)}
        />
      </label>
      <label>
        Deductible ($)
        <input
          name="deductible"
          type="number"
          min={0}
          step="0.01"
          inputMode="decimal"
          placeholder={String(current.deductible)}
        />
      </label>
      <label>
        Repair days (rental coverage)
        <input name="repair_days" type="number" min={0} max={365} step={1} placeholder={String(current.rental_days)} />
      </label>
      <label>
        Reason for the override
        <input name="reason" required minLength={3} maxLength={2000} />
      </label>
      <button type="submit" disabled={busy}>
        Override the settlement
      </button>
      <Busy label="Recording the override" active={busy} />
      <ErrorNote message={error} />
    </form>
  );
}
