/** The earliest day a service can have been given: anything before is a typo or a probe, not a claim. */
export const EARLIEST_SERVICE_DATE = "1900-01-01";

export const isPlausibleServiceDate = (date: string): boolean => date >= EARLIEST_SERVICE_DATE;
