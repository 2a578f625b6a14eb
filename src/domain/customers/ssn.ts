// US Social Security numbers: the shape the SSA issues (and never issues), nothing more.

export type SsnCheck = { ok: true; digits: string; last4: string } | { ok: false; reason: string };

// Numbers printed in advertising and widely misused; the SSA voided them.
const VOIDED = new Set(["078051120", "219099999", "457555462"]);

/** "123-45-6789", "123 45 6789" or "123456789" → its nine digits, or why it cannot be an SSN. */
export function checkSsn(raw: string): SsnCheck {
  const trimmed = raw.trim();
  if (!/^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(trimmed)) return { ok: false, reason: "must be nine digits (123-45-6789)" };
  const digits = trimmed.replace(/\D/g, "");
  const area = digits.slice(0, 3);
  if (area === "000" || area === "666" || area[0] === "9")
    return { ok: false, reason: `area number ${area} is never issued` };
  if (digits.slice(3, 5) === "00") return { ok: false, reason: "group number 00 is never issued" };
  if (digits.slice(5) === "0000") return { ok: false, reason: "serial number 0000 is never issued" };
  if (VOIDED.has(digits)) return { ok: false, reason: "this number was voided by the SSA" };
  return { ok: true, digits, last4: digits.slice(5) };
}
