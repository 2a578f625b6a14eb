/** A free-text label reduced for matching: lower case, accents dropped, punctuation as single spaces. */
export function normalizeLabel(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The label with spaces removed too, so "Mercedes-Benz", "Mercedes Benz" and "MercedesBenz" meet. */
export const squashLabel = (text: string): string => normalizeLabel(text).replace(/ /g, "");
