// Whether an extracted value is the document's value: names by their letters (case and
// punctuation aside), policy numbers exactly, dates as ISO days, amounts to the cent.

const nameKey = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

export function fieldMatches(field: string, got: unknown, want: string | number): boolean {
  if (got === undefined || got === null || got === "") return false;
  switch (field) {
    case "claimant_name":
      return nameKey(String(got)) === nameKey(String(want));
    case "policy_number":
      return String(got).toUpperCase().replace(/\s+/g, "") === String(want).toUpperCase().replace(/\s+/g, "");
    case "amount_claimed":
      return Math.abs(Number(got) - Number(want)) < 0.005;
    default:
      return String(got).toLowerCase() === String(want).toLowerCase();
  }
}
