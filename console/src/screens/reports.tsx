import { useSearchParams } from "react-router";
import { api, downloadCsv, errorText, type Schemas } from "../api/client";
import { BarChart, formatMoney, formatNumber } from "../components/bar-chart";
import { Busy, ErrorNote } from "../components/status";
import { useLoad } from "../components/use-load";

const GROUPS = ["amount", "month", "channel", "region", "incident_type", "provider"] as const;
type Group = (typeof GROUPS)[number];
const FILTERS = ["start_date", "end_date", "status", "channel"] as const;

/** The claims report and fraud trends, with the same filters, charts and CSV downloads. */
export function Reports() {
  const [params, setParams] = useSearchParams();
  const groupBy = (GROUPS as readonly string[]).includes(params.get("group_by") ?? "")
    ? (params.get("group_by") as Group)
    : "amount";
  const filters = Object.fromEntries(FILTERS.flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : [])));
  const filterQuery = new URLSearchParams(filters).toString();

  const summary = useLoad(async () => {
    const { data, error } = await api.GET("/api/v1/reports/claims", { params: { query: filters } });
    if (!data) throw new Error(errorText(error, "Could not load the claims report"));
    // JSON unless asked for CSV: the route's other content type.
    return data as Schemas["ClaimsReport"];
  }, filterQuery);
  const trends = useLoad(async () => {
    const { data, error } = await api.GET("/api/v1/reports/fraud_trends", {
      params: { query: { ...filters, group_by: groupBy } },
    });
    if (!data) throw new Error(errorText(error, "Could not load the fraud trends"));
    return data as Schemas["FraudTrendsReport"];
  }, `${filterQuery}&${groupBy}`);

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const csv = (path: string, extra: string, name: string) =>
    downloadCsv(`${path}?${[filterQuery, extra, "format=csv"].filter(Boolean).join("&")}`, name).catch((e: Error) =>
      alert(e.message),
    );
  const report = summary.data;

  return (
    <main>
      <h1>Reports</h1>
      <form className="filters" aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          From
          <input
            type="date"
            value={params.get("start_date") ?? ""}
            onChange={(e) => setParam("start_date", e.target.value)}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={params.get("end_date") ?? ""}
            onChange={(e) => setParam("end_date", e.target.value)}
          />
        </label>
        <label>
          Channel
          <select value={params.get("channel") ?? ""} onChange={(e) => setParam("channel", e.target.value)}>
            <option value="">All</option>
            <option>health</option>
            <option>photo</option>
            <option>document</option>
            <option>fnol</option>
          </select>
        </label>
        <label>
          Status
          <select value={params.get("status") ?? ""} onChange={(e) => setParam("status", e.target.value)}>
            <option value="">All</option>
            {["PENDING", "PROCESSED", "APPROVED", "PARTIAL", "REJECTED", "FAILED"].map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      </form>
      <Busy label="Computing the reports" active={summary.loading || trends.loading} />
      <ErrorNote message={summary.error ?? trends.error} />
      {report ? (
        <section aria-labelledby="summary-heading" className="panel">
          <h2 id="summary-heading">Claims</h2>
          <dl className="facts kpis">
            <dt>Total claims</dt>
            <dd data-testid="total-claims">{formatNumber(report.total_claims)}</dd>
            <dt>Fraudulent</dt>
            <dd data-testid="fraudulent-count">{formatNumber(report.fraudulent_count)}</dd>
            <dt>Average fraud score</dt>
            <dd>{report.avg_fraud_score === null ? "—" : report.avg_fraud_score.toFixed(3)}</dd>
            <dt>Average reserve</dt>
            <dd>{formatMoney(report.avg_reserve)}</dd>
            <dt>Claimed · approved</dt>
            <dd>
              {formatMoney(report.claimed_amount)} · {formatMoney(report.approved_amount)}
            </dd>
          </dl>
          <BarChart
            title="Claims by status"
            bars={Object.entries(report.status_breakdown).map(([label, value]) => ({ label, value: Number(value) }))}
          />
          <BarChart
            title="Claims by channel (fraudulent inside)"
            partLabel="fraudulent"
            bars={report.channels.map((c) => ({ label: c.channel, value: c.total_claims, part: c.fraudulent_count }))}
          />
          <button type="button" onClick={() => csv("/api/v1/reports/claims", "", "claims-report.csv")}>
            Download the claims report (CSV)
          </button>
        </section>
      ) : null}
      <section aria-labelledby="trends-heading" className="panel">
        <h2 id="trends-heading">Fraud trends</h2>
        <label>
          Group by
          <select value={groupBy} onChange={(e) => setParam("group_by", e.target.value)}>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {g.replace("_", " ")}
              </option>
            ))}
          </select>
        </label>
        {trends.data ? (
          <BarChart
            title={`Claims by ${groupBy.replace("_", " ")} (fraudulent inside)`}
            partLabel="fraudulent"
            bars={trends.data.trends.map((t) => ({
              label: t.range ?? t.key ?? "",
              value: t.total_count,
              part: t.fraud_count,
            }))}
          />
        ) : null}
        <button
          type="button"
          onClick={() => csv("/api/v1/reports/fraud_trends", `group_by=${groupBy}`, `fraud-trends-${groupBy}.csv`)}
        >
          Download the fraud trends (CSV)
        </button>
      </section>
    </main>
  );
}
