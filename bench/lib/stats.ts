export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** Milliseconds of each named entry of a Server-Timing header ("score;dur=1.2, load;dur=0.1"). */
export function serverTiming(header: string | null): Record<string, number> {
  const timings: Record<string, number> = {};
  for (const part of (header ?? "").split(",")) {
    const match = part.trim().match(/^([\w-]+);dur=([\d.]+)/);
    if (match) timings[match[1]!] = Number(match[2]);
  }
  return timings;
}

/** One row of a latency table: p50 and p99 in ms, and p50 against the baseline's p50 measured in the same run. */
export const latencyRow = (measure: string, values: number[], baseline: number[], digits = 1) => ({
  measure,
  n: values.length,
  "p50 ms": percentile(values, 50).toFixed(digits),
  "p99 ms": percentile(values, 99).toFixed(digits),
  "p50 / baseline p50": (percentile(values, 50) / percentile(baseline, 50)).toFixed(1),
});
