import { Link, useSearchParams } from "react-router";
import { api, errorText } from "../api/client";
import type { paths } from "../api/schema";
import { claimAmount, claimKey, fraudFlagged, fraudScore, shownStatus } from "../claim-fields";
import { formatMoney } from "../components/bar-chart";
import { Busy, ErrorNote } from "../components/status";
import { useLoad } from "../components/use-load";
import { isStaff, useSession } from "../session";

const CHANNELS = ["health", "photo", "document", "fnol"];
const STATUSES = ["PENDING", "PROCESSED", "APPROVED", "PARTIAL", "REJECTED", "FAILED"];
const SORTS: Record<string, string> = {
  "-created_at": "Newest first",
  created_at: "Oldest first",
  "-fraud_score": "Highest fraud score",
  "-amount": "Largest amount",
  amount: "Smallest amount",
  "-updated_at": "Recently changed",
  status: "Status",
};
const FILTERS = ["channel", "status", "fraud_flag", "assignee", "start_date", "end_date", "sort"] as const;
const PAGE_SIZE = 20;

type QueueQuery = paths["/api/v1/claims"]["get"]["parameters"]["query"];

/** The work queue (staff) or the caller's own claims (customers, providers): filters in the address. */
export function Queue() {
  const { user } = useSession();
  const staff = isStaff(user);
  const [params, setParams] = useSearchParams();
  const page = Number(params.get("page") ?? "1") || 1;
  const query = Object.fromEntries(FILTERS.flatMap((name) => (params.get(name) ? [[name, params.get(name)]] : [])));
  const claims = useLoad(async () => {
    const { data, error } = await api.GET("/api/v1/claims", {
      params: { query: { ...query, page, limit: PAGE_SIZE } as QueueQuery },
    });
    if (!data) throw new Error(errorText(error, "Could not load the claims"));
    return data;
  }, params.toString());

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete("page");
    setParams(next);
  };
  const goTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    setParams(next);
  };
  const pages = claims.data ? Math.max(1, Math.ceil(claims.data.total / PAGE_SIZE)) : 1;

  return (
    <main>
      <h1>{staff ? "Work queue" : "My claims"}</h1>
      <form className="filters" aria-label="Filter claims" onSubmit={(e) => e.preventDefault()}>
        <label>
          Channel
          <select value={params.get("channel") ?? ""} onChange={(e) => setFilter("channel", e.target.value)}>
            <option value="">All</option>
            {CHANNELS.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={params.get("status") ?? ""} onChange={(e) => setFilter("status", e.target.value)}>
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        {staff ? (
          <>
            <label>
              Fraud
              <select value={params.get("fraud_flag") ?? ""} onChange={(e) => setFilter("fraud_flag", e.target.value)}>
                <option value="">All</option>
                <option value="true">Flagged</option>
                <option value="false">Not flagged</option>
              </select>
            </label>
            <label>
              Assignee
              <select value={params.get("assignee") ?? ""} onChange={(e) => setFilter("assignee", e.target.value)}>
                <option value="">Anyone</option>
                <option value="me">Me</option>
                <option value="unassigned">Unassigned queue</option>
              </select>
            </label>
          </>
        ) : null}
        <label>
          From
          <input
            type="date"
            value={params.get("start_date") ?? ""}
            onChange={(e) => setFilter("start_date", e.target.value)}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={params.get("end_date") ?? ""}
            onChange={(e) => setFilter("end_date", e.target.value)}
          />
        </label>
        <label>
          Sort
          <select value={params.get("sort") ?? "-created_at"} onChange={(e) => setFilter("sort", e.target.value)}>
            {Object.entries(SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Busy label="Loading claims" active={claims.loading} />
      <ErrorNote message={claims.error} />
      {claims.data ? (
        <>
          <p className="count">
            {claims.data.total} claim{claims.data.total === 1 ? "" : "s"}
          </p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Claim</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Status</th>
                  <th scope="col">Amount</th>
                  {staff ? <th scope="col">Fraud</th> : null}
                  {staff ? <th scope="col">Assignee</th> : null}
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {claims.data.claims.map((claim) => {
                  const score = fraudScore(claim);
                  return (
                    <tr key={claimKey(claim)}>
                      <td>
                        <Link to={`/claims/${encodeURIComponent(claimKey(claim))}`}>{claim.claim_id}</Link>
                      </td>
                      <td>{claim.channel}</td>
                      <td>{shownStatus(claim)}</td>
                      <td>{formatMoney(claimAmount(claim))}</td>
                      {staff ? (
                        <td>
                          {fraudFlagged(claim) ? <strong>Flagged</strong> : "—"}
                          {score !== null ? ` ${score.toFixed(2)}` : ""}
                        </td>
                      ) : null}
                      {staff ? (
                        <td>{claim.assignee ? claim.assignee.name || claim.assignee.email : "Unassigned"}</td>
                      ) : null}
                      <td>{claim.created_at.slice(0, 10)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Pages">
            <button type="button" disabled={page <= 1} onClick={() => goTo(page - 1)}>
              Previous
            </button>
            <span>
              Page {page} of {pages}
            </span>
            <button type="button" disabled={page >= pages} onClick={() => goTo(page + 1)}>
              Next
            </button>
          </nav>
        </>
      ) : null}
    </main>
  );
}
