/**
 * The Rate Limiting binding counts in windows aligned to the wall clock: a burst that straddles a
 * boundary is split between two windows. Waits for a fresh window when fewer than `seconds` remain.
 */
export async function withinOneRateWindow(seconds: number, periodSeconds = 60): Promise<void> {
  const period = periodSeconds * 1000;
  const left = period - (Date.now() % period);
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
