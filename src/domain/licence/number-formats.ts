// Licence-number shapes of jurisdictions whose numbers start with letters: an OCR'd number of
// the right length whose leading letters came out as look-alike digits is put right.

/** Leading letters, then digits (the common shapes; other jurisdictions are left as read). */
const LETTER_PREFIXED: Readonly<Record<string, { letters: number; digits: number }>> = {
  CA: { letters: 1, digits: 7 },
  AZ: { letters: 1, digits: 8 },
  FL: { letters: 1, digits: 12 },
  IL: { letters: 1, digits: 11 },
  MI: { letters: 1, digits: 12 },
  MN: { letters: 1, digits: 12 },
  MD: { letters: 1, digits: 12 },
  WI: { letters: 1, digits: 13 },
  NJ: { letters: 1, digits: 14 },
  OH: { letters: 2, digits: 6 },
  ON: { letters: 1, digits: 14 },
};

const AS_LETTER: Readonly<Record<string, string>> = { "0": "O", "1": "I", "2": "Z", "5": "S", "6": "G", "8": "B" };

export function fitNumberToJurisdiction(number: string, jurisdiction: string | undefined): string {
  const shape = jurisdiction ? LETTER_PREFIXED[jurisdiction] : undefined;
  if (!shape || number.length !== shape.letters + shape.digits || !/^\d+$/.test(number.slice(shape.letters)))
    return number;
  const head = [...number.slice(0, shape.letters)].map((c) => (/[A-Z]/.test(c) ? c : (AS_LETTER[c] ?? c))).join("");
  return /^[A-Z]+$/.test(head) ? head + number.slice(shape.letters) : number;
}
