// OCR's usual slips inside a form box whose format the form itself fixes. Only such a box is
// repaired: elsewhere "14 805 99" or "02232026" could be anything.

const SLASH = "/17|lI:.-";

function monthDayYear(digits: string): string | undefined {
  const [month, day] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4))];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31
    ? `${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}`
    : undefined;
}

/** A MM/DD/YYYY box read with its slashes dropped, or one of them read as a digit. */
function repairBoxDate(raw: string): string {
  // A fax drops thin slashes: "0104 2023" is the box's 01/04/2023.
  const trimmed = raw.trim();
  const text = /^\d[\d ]*\d$/.test(trimmed) ? trimmed.replace(/ /g, "") : trimmed;
  // A slash read as a space too ("04.10 2025").
  const separated = text.match(new RegExp(`^(\\d{2})[ ${SLASH}](\\d{2})[ ${SLASH}](\\d{4})$`));
  if (separated) return `${separated[1]}/${separated[2]}/${separated[3]}`;
  if (!/^\d{8,9}$/.test(text)) return raw;
  if (text.length === 8) return monthDayYear(text) ?? raw;
  // Nine digits: one slash read as a digit (1 or 7), after the month or after the day. Taken
  // only when the two places do not leave two different dates.
  const readings = [2, 4]
    .filter((at) => "17".includes(text[at]!))
    .map((at) => monthDayYear(text.slice(0, at) + text.slice(at + 1)))
    .filter((d): d is string => d !== undefined);
  return new Set(readings).size === 1 ? readings[0]! : raw;
}

/** An amount box read with its decimal point (and thousands commas) as spaces, its "$" as "§". */
function repairBoxAmount(raw: string): string {
  // The box's left side read as a character glued to the dollar sign ("1$1,250.76").
  const text = wellFormedOfTwo(
    raw
      .trim()
      .replace(/^§/, "$")
      .replace(/^[1Il|](?=\$)/, ""),
  );
  // A thousands comma read as a point: "$1.250.76" (only the last point, before two digits, is the cents').
  if (/^\$?\d{1,3}(?:\.\d{3})+\.\d{2}$/.test(text)) return text.replace(/\.(?=\d{3}\b)/g, ",");
  if (/\.\d{2}$/.test(text)) return text;
  const spaced = text.match(/^(\$?\s*)(\d{1,3}(?:[ ,.]\d{3})*)[ ,](\d{2})$/);
  return spaced ? `${spaced[1]}${spaced[2]!.replace(/[ .]/g, ",")}.${spaced[3]}` : text;
}

/**
 * A box read as two dollar amounts, a skewed line's ghost beside the value ("$6469 $643.69"):
 * the one written with its cents, when only one is. One amount is all a box holds.
 */
function wellFormedOfTwo(text: string): string {
  const amounts = text.split(/\s+(?=\$)/);
  if (amounts.length !== 2 || !amounts.every((a) => /^\$\s?\d[\d,.]*$/.test(a))) return text;
  const withCents = amounts.filter((a) => /\d\.\d{2}$/.test(a));
  return withCents.length === 1 ? withCents[0]! : text;
}

/**
 * A policy box read as groups of letters and digits with spaces between ("LS AUTO 2026 966962"):
 * one number whose thin hyphens the copy lost, its groups joined again.
 */
function repairBoxPolicy(raw: string): string {
  const text = raw.trim();
  return /^[A-Z0-9]+(?: [A-Z0-9]+)+$/.test(text) && /\d{3}/.test(text) && text.length >= 8
    ? text.replace(/ /g, "-")
    : raw;
}

export function repairScannedBox(field: string, raw: string): string {
  if (field === "amount_claimed") return repairBoxAmount(raw);
  if (field === "policy_number") return repairBoxPolicy(raw);
  if (field === "incident_date") return repairBoxDate(raw);
  return raw;
}
