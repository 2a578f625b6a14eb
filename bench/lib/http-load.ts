import autocannon from "autocannon";

export interface LoadResult {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Drives one route with `connections` concurrent clients for `seconds` (autocannon). */
export async function load(
  label: string,
  options: {
    url: string;
    method?: "GET" | "POST";
    headers?: Record<string, string>;
    body?: () => string;
    connections: number;
    seconds: number;
  },
): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: options.method ?? "GET",
    headers: options.headers,
    connections: options.connections,
    duration: options.seconds,
    requests: options.body
      ? [{ setupRequest: (request: object) => ({ ...request, body: options.body!() }) }]
      : undefined,
  });
  return {
    label,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export function printTable(rows: LoadResult[]): void {
  console.log("\n| route | req/s | p50 ms | p99 ms | non-2xx | errors |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(`| ${r.label} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`);
  }
}
