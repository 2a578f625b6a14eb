import { type FormEvent, useState } from "react";
import { api, errorText, type Schemas } from "../api/client";
import { shownStatus } from "../claim-fields";
import { Busy, ErrorNote } from "../components/status";
import type { SessionUser } from "../session";

type Claim = Schemas["ClaimDetail"];
type Outcome = { error?: unknown; response: Response };

/**
 * Decide, take/release and override, each sent with If-Match: the version this page shows. A 412
 * means someone changed the claim meanwhile: the page reloads it and says so.
 */
export function ClaimActions({
  claim,
  claimId,
  etag,
  user,
  onChanged,
}: {
  claim: Claim;
  claimId: string;
  etag: string;
  user: SessionUser;
  onChanged: (message: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const headers = { "if-match": etag };
  const path = { id: claimId };

  async function run(label: string, action: () => Promise<Outcome>, done: string) {
    setBusy(label);
    setError(null);
    const { error, response } = await action();
    setBusy(null);
    if (response.ok) return onChanged(done);
    if (response.status === 412) {
      onChanged("");
      return setError(`${errorText(error)}. The page now shows the claim as it is.`);
    }
    setError(errorText(error, `${label} failed (${response.status})`));
  }

  const mine = claim.assignee?.id === user.id;
  const staff = user.role === "admin" || user.role === "insurer";
  // An adjuster acts on its caseload only (what it uploaded or took); the queue's claims it takes first.
  const uploadedByMe = "user_id" in claim && claim.user_id === user.id;
  const mayAct = user.role !== "insurer" || mine || uploadedByMe;
  const documentDecidable =
    mayAct && claim.channel === "document" && ["PROCESSED", "APPROVED", "REJECTED", "FAILED"].includes(claim.status);
  const overridable = mayAct && claim.channel === "photo" && shownStatus(claim) === "REJECTED";

  const decide = (status: "approved" | "rejected") => (event: FormEvent) => {
    event.preventDefault();
    const button = event.currentTarget as HTMLButtonElement;
    const form = new FormData(button.form ?? undefined);
    const note = String(form.get("note") ?? "").trim();
    const verdict = String(form.get("verdict") ?? "");
    void run(
      status === "approved" ? "Approving" : "Rejecting",
      () =>
        api.PUT("/api/v1/claims/{id}/update", {
          params: { path, header: headers },
          body: {
            status,
            ...(note ? { note } : {}),
            ...(verdict ? { is_fraudulent: verdict === "fraud" } : {}),
          },
        }),
      status === "approved" ? "Claim approved" : "Claim rejected",
    );
  };

  async function override(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    await run(
      "Overriding",
      () => api.PUT("/api/v1/claims/{id}/override", { params: { path, header: headers }, body: { reason } }),
      "Override recorded: the claim is approved for manual review",
    );
  }

  // A customer's only action is asking for a rejected photo's review: otherwise there is no panel.
  if (!staff && !overridable) return null;

  return (
    <section aria-labelledby="actions-heading" className="panel">
      <h2 id="actions-heading">Actions</h2>
      {staff ? (
        <div className="button-row">
          {claim.assignee === null ? (
            <button
              type="button"
              onClick={() =>
                run(
                  "Taking the claim",
                  () =>
                    api.PUT("/api/v1/claims/{id}/assignee", {
                      params: { path, header: headers },
                      body: { assignee_id: user.id },
                    }),
                  "The claim is yours",
                )
              }
            >
              Assign to me
            </button>
          ) : null}
          {claim.assignee && (mine || user.role === "admin") ? (
            <button
              type="button"
              onClick={() =>
                run(
                  "Releasing the claim",
                  () =>
                    api.PUT("/api/v1/claims/{id}/assignee", {
                      params: { path, header: headers },
                      body: { assignee_id: null },
                    }),
                  "The claim is back in the unassigned queue",
                )
              }
            >
              Release to the queue
            </button>
          ) : null}
        </div>
      ) : null}
      {staff && documentDecidable ? (
        <form className="decision" aria-label="Decision" onSubmit={(e) => e.preventDefault()}>
          <label>
            Fraud verdict
            <select name="verdict" defaultValue="">
              <option value="">No verdict</option>
              <option value="fraud">Fraudulent</option>
              <option value="genuine">Genuine</option>
            </select>
          </label>
          <label>
            Note
            <input name="note" maxLength={2000} />
          </label>
          <div className="button-row">
            <button type="submit" onClick={decide("approved")}>
              Approve
            </button>
            <button type="submit" className="danger" onClick={decide("rejected")}>
              Reject
            </button>
          </div>
        </form>
      ) : null}
      {overridable ? (
        <form className="decision" aria-label="Override" onSubmit={override}>
          <label>
            Reason for the override
            <input name="reason" minLength={3} maxLength={1000} required />
          </label>
          <button type="submit">Override and approve</button>
        </form>
      ) : null}
      {!mayAct && staff ? <p>Assign the claim to yourself to decide, correct or override it.</p> : null}
      <Busy label={busy ?? ""} active={busy !== null} />
      <ErrorNote message={error} />
    </section>
  );
}
