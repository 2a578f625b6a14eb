import { useState } from "react";
import { Link, useParams } from "react-router";
import { api, errorText, type Schemas } from "../api/client";
import { shownStatus } from "../claim-fields";
import { Busy, ErrorNote } from "../components/status";
import { useLoad } from "../components/use-load";
import { isStaff, useSession } from "../session";
import { AuditTimeline } from "./audit-timeline";
import { ClaimActions } from "./claim-actions";
import { DocumentPanel } from "./document-panel";
import { FnolPanel } from "./fnol-panel";
import { FraudPanel } from "./fraud-panel";
import { HealthPanel } from "./health-panel";
import { PhotoPanel } from "./photo-panel";

/** One claim: its channel's panel, the fraud score, actions guarded by its ETag, and its audit trail. */
export function ClaimDetail() {
  const { id = "" } = useParams();
  const { user } = useSession();
  const [message, setMessage] = useState<string>("");
  const detail = useLoad(async () => {
    const { data, error, response } = await api.GET("/api/v1/claims/{id}", { params: { path: { id } } });
    if (!data) throw new Error(errorText(error, "Could not load the claim"));
    return { claim: data, etag: response.headers.get("etag") ?? `"${data.version}"` };
  }, id);
  const changed = (text: string) => {
    setMessage(text);
    detail.reload();
  };
  const claim = detail.data?.claim;
  const etag = detail.data?.etag ?? "";
  const staff = isStaff(user);

  return (
    <main>
      <p>
        <Link to="/">← Back to {staff ? "the queue" : "my claims"}</Link>
      </p>
      <h1>Claim {claim?.claim_id ?? id}</h1>
      <Busy label="Loading the claim" active={detail.loading} />
      <ErrorNote message={detail.error} />
      <p role="status" className="notice" hidden={!message}>
        {message}
      </p>
      {claim && user ? (
        <>
          <dl className="facts summary">
            <dt>Channel</dt>
            <dd>{claim.channel}</dd>
            <dt>Status</dt>
            <dd data-testid="claim-status">{shownStatus(claim)}</dd>
            <dt>Version</dt>
            <dd>{claim.version}</dd>
            {staff ? (
              <>
                <dt>Assignee</dt>
                <dd data-testid="claim-assignee">
                  {claim.assignee ? claim.assignee.name || claim.assignee.email : "Unassigned"}
                </dd>
              </>
            ) : null}
            <dt>Created</dt>
            <dd>{claim.created_at.slice(0, 16).replace("T", " ")}</dd>
          </dl>
          <ClaimActions claim={claim} claimId={id} etag={etag} user={user} onChanged={changed} />
          {claim.channel === "document" ? (
            <>
              <DocumentPanel
                claim={claim as Schemas["DocumentClaim"]}
                claimId={id}
                etag={etag}
                staff={
                  user.role === "admin" ||
                  (user.role === "insurer" &&
                    (claim.assignee?.id === user.id || ("user_id" in claim && claim.user_id === user.id)))
                }
                onChanged={changed}
              />
              <FraudPanel claim={claim as Schemas["DocumentClaim"]} />
            </>
          ) : null}
          {claim.channel === "photo" ? <PhotoPanel claim={claim as Schemas["PhotoClaim"]} claimId={id} /> : null}
          {claim.channel === "health" ? (
            <HealthPanel claim={claim as Schemas["HealthClaim"]} benefit={claim.member_benefit} />
          ) : null}
          {claim.channel === "fnol" ? (
            <FnolPanel
              claimId={id}
              version={claim.version}
              etag={etag}
              // An adjuster overrides an unassigned claim (taking it) or its own; an admin any.
              mayOverride={
                user.role === "admin" ||
                (user.role === "insurer" && (claim.assignee === null || claim.assignee?.id === user.id))
              }
              onChanged={changed}
            />
          ) : null}
          <AuditTimeline entries={claim.audit_trail} />
        </>
      ) : null}
    </main>
  );
}
