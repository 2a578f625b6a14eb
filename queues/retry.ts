/** Exponential backoff for a failed message: 2, 4, 8 … seconds, capped at 5 minutes. */
export const backoffSeconds = (attempts: number): number => Math.min(2 ** Math.max(1, attempts), 300);
