import { editDistance } from "../settlement/edit-distance";

/** A name's words for comparison: accents, case and punctuation dropped ("José-Luis O'Neil" → JOSE LUIS ONEIL). */
export function nameWords(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/['’`.]/g, "")
    .split(/[^A-Z]+/)
    .filter(Boolean);
}

const squash = (words: string[]) => words.join("");

export interface NameComparison {
  /** The name given at signup. */
  given: string;
  /** The name read from the licence; for first names, the middle names after it. */
  read: string;
  middle?: string;
  /** The licence value was read by OCR (not from the barcode): one slipped letter is forgiven. */
  readByOcr: boolean;
}

/**
 * Whether the name given at signup is the licence's: the same letters once accents, case, spaces
 * and punctuation are ignored; or the licence's first and middle names together ("Mary Ann" on a
 * card reading MARY / ANN); or, for a licence name of several words, its first word ("Garcia" for
 * GARCIA LOPEZ, "Mary" for MARY ANN). An OCR reading of five letters or more may differ by one letter.
 */
export function sameName({ given, read, middle, readByOcr }: NameComparison): boolean {
  const givenWords = nameWords(given);
  const readWords = nameWords(read);
  if (givenWords.length === 0 || readWords.length === 0) return false;
  const candidates = [squash(readWords), squash([...readWords, ...nameWords(middle ?? "")])];
  if (readWords.length > 1) candidates.push(readWords[0]!);
  const target = squash(givenWords);
  if (candidates.includes(target)) return true;
  return readByOcr && target.length >= 5 && candidates.some((candidate) => editDistance(candidate, target, 1) <= 1);
}
