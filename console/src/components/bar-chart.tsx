export interface Bar {
  label: string;
  value: number;
  /** A second value drawn inside the bar (e.g. the fraudulent part of a total). */
  part?: number;
  /** Drawn in the danger colour when the bar raises a risk. */
  tone?: "raises" | "lowers";
}

/** Horizontal bars with their numbers written beside them: readable without colour and at phone width. */
export function BarChart({
  title,
  bars,
  unit = "",
  partLabel,
}: {
  title: string;
  bars: Bar[];
  unit?: string;
  partLabel?: string;
}) {
  const max = Math.max(1, ...bars.map((b) => Math.abs(b.value)));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <ul>
        {bars.map((bar) => (
          <li key={bar.label}>
            <span className="chart-label">{bar.label}</span>
            <span className="chart-track" aria-hidden="true">
              <span
                className={`chart-bar ${bar.tone ?? ""}`}
                style={{ width: `${(Math.abs(bar.value) / max) * 100}%` }}
              >
                {bar.part !== undefined ? (
                  <span className="chart-part" style={{ width: `${bar.value ? (bar.part / bar.value) * 100 : 0}%` }} />
                ) : null}
              </span>
            </span>
            <span className="chart-value">
              {formatNumber(bar.value)}
              {unit}
              {bar.part !== undefined ? ` (${formatNumber(bar.part)} ${partLabel ?? ""})` : ""}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export const formatNumber = (n: number) =>
  Number.isInteger(n) ? n.toLocaleString("en-US") : n.toLocaleString("en-US", { maximumFractionDigits: 3 });

export const formatMoney = (n: number | null | undefined) =>
  n === null || n === undefined ? "—" : n.toLocaleString("en-US", { style: "currency", currency: "USD" });
