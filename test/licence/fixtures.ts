// The generated licence images (scripts/make-licence-fixtures.ts) and what they carry.
import expected from "../fixtures/licences/expected.json";
import { LICENCE_IMAGES } from "../fixtures/licences/images";

export interface LicenceFixture {
  file: string;
  side: "front" | "back" | "none";
  layout: string;
  variant: "scan" | "photo";
  fields: Record<string, string>;
}

export const LICENCE_FIXTURES = (expected as { fixtures: LicenceFixture[] }).fixtures;

export const imageBytes = (file: string) => new Uint8Array(LICENCE_IMAGES[file]!);

export const CORE_KEYS = ["DOCUMENT_NUMBER", "FIRST_NAME", "LAST_NAME", "DATE_OF_BIRTH", "EXPIRATION_DATE"] as const;

/** Fields read wrong, as "KEY: got … want …" (empty expectations must stay empty). */
export function wrongFields(
  got: Record<string, string>,
  want: Record<string, string>,
  keys: readonly string[] = Object.keys(want),
): string[] {
  return keys
    .filter((k) => (got[k] ?? "") !== (want[k] ?? ""))
    .map((k) => `${k}: got ${JSON.stringify(got[k])} want ${JSON.stringify(want[k])}`);
}
