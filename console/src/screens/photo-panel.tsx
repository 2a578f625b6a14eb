import { useEffect, useState } from "react";
import { protectedObjectUrl, type Schemas } from "../api/client";
import { ErrorNote } from "../components/status";

type Claim = Schemas["PhotoClaim"];

/** The photo with the model's decision, its quality breakdown and any override. */
export function PhotoPanel({ claim, claimId }: { claim: Claim; claimId: string }) {
  const [photo, setPhoto] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    protectedObjectUrl(`/api/v1/claims/${encodeURIComponent(claimId)}/photo`)
      .then((u) => {
        url = u;
        setPhoto(u);
      })
      .catch((e: Error) => setError(`The photo could not be shown: ${e.message}`));
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [claimId]);
  const q = claim.result.quality_breakdown;
  return (
    <section aria-labelledby="photo-heading" className="panel">
      <h2 id="photo-heading">Damage photo</h2>
      <div className="side-by-side">
        <div>
          {photo ? (
            <img
              className="photo"
              src={photo}
              alt={`Damage to the vehicle of claim ${claim.claim_id}, as the customer sent it`}
            />
          ) : null}
          <ErrorNote message={error} />
        </div>
        <dl className="facts">
          <dt>Decision</dt>
          <dd>
            {claim.effective_status}
            {claim.system_status && claim.system_status !== claim.effective_status
              ? ` (model said ${claim.system_status})`
              : ""}
          </dd>
          <dt>Damage detected</dt>
          <dd>
            {claim.result.damage_detected ? "yes" : "no"} (confidence {(claim.result.confidence * 100).toFixed(0)}%)
          </dd>
          <dt>Quality score</dt>
          <dd>{claim.result.quality_score.toFixed(2)}</dd>
          <dt>Sharpness · brightness · contrast</dt>
          <dd>
            {q.sharpness.toFixed(2)} · {q.brightness.toFixed(2)} · {q.contrast.toFixed(2)}
          </dd>
          <dt>Message</dt>
          <dd>{claim.message}</dd>
          {claim.user_override ? (
            <>
              <dt>Override</dt>
              <dd>
                {claim.override_reason} ({claim.override_timestamp?.slice(0, 16).replace("T", " ")})
              </dd>
            </>
          ) : null}
          {claim.fraud_flag ? (
            <>
              <dt>Fraud</dt>
              <dd>{claim.fraud_reason ?? "flagged"}</dd>
            </>
          ) : null}
        </dl>
      </div>
    </section>
  );
}
