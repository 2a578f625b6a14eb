export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** Milliseconds since the epoch for "2026-03-14" or an ISO-8601 timestamp with a zone; undefined otherwise. */
export function parseCalendarDate(text: unknown): number | undefined {
  if (typeof text !== "string") return undefined;
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 2026-02-30 over to March: refuse days that do not exist.
  const midnight = Date.UTC(year, month - 1, day);
  const date = new Date(midnight);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  const time = text.trim().length > 10 ? Date.parse(text.trim()) : midnight;
  return Number.isFinite(time) ? time : undefined;
}

/** Years of service at `time` for a vehicle of `modelYear`, counted from 1 January of that year (whole calendar years plus the share of this one). */
export function serviceYears(modelYear: number, time: number): number {
  const year = calendarYear(time);
  const startOfYear = Date.UTC(year, 0, 1);
  const shareOfYear = (time - startOfYear) / (Date.UTC(year + 1, 0, 1) - startOfYear);
  return Math.max(0, year - modelYear + shareOfYear);
}

export const calendarYear = (time: number): number => new Date(time).getUTCFullYear();

/** Midnight UTC of the day `time` falls in. */
export const startOfDay = (time: number): number => Math.floor(time / DAY_MS) * DAY_MS;
