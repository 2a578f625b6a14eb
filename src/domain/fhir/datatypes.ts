import { z } from "zod";

// FHIR R4 primitive types (https://hl7.org/fhir/R4/datatypes.html), as their JSON form is checked.

export const fhirId = z
  .string()
  .regex(/^[A-Za-z0-9\-.]{1,64}$/, "must be a FHIR id (1-64 letters, digits, '-' or '.')");
export const fhirString = z
  .string()
  .max(10_000)
  .regex(/^[ \r\n\t\S]+$/, "must not be empty");
export const fhirCode = z
  .string()
  .max(256)
  .regex(/^[^\s]+( [^\s]+)*$/, "must be a FHIR code (no leading, trailing or double spaces)");
export const fhirUri = z.string().min(1).max(4096).regex(/^\S*$/, "must be a URI without whitespace");
export const fhirPositiveInt = z.number().int("must be an integer").min(1, "must be 1 or more").max(2_147_483_647);
export const fhirDecimal = z.number().refine(Number.isFinite, "must be a finite number");

const YEAR = "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)";
const MONTH = "(0[1-9]|1[0-2])";
const DAY = "(0[1-9]|[1-2][0-9]|3[0-1])";
const TIME = "([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))";
export const fhirDate = z
  .string()
  .regex(new RegExp(`^${YEAR}(-${MONTH}(-${DAY})?)?$`), "must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)");
export const fhirDateTime = z
  .string()
  .regex(
    new RegExp(`^${YEAR}(-${MONTH}(-${DAY}(T${TIME})?)?)?$`),
    "must be a FHIR dateTime (YYYY-MM-DD, or with a time and a zone)",
  );

/** FHIR arrays are never empty in JSON. */
export const fhirArray = <T extends z.ZodType>(item: T) =>
  z.array(item).min(1, "must not be an empty array (omit the element instead)").max(1_000);

// FHIR R4 general-purpose data types, the elements the health-claim mapping reads; others pass through.

export const coding = z.looseObject({
  system: fhirUri.optional(),
  version: fhirString.optional(),
  code: fhirCode.optional(),
  display: fhirString.optional(),
  userSelected: z.boolean().optional(),
});

export const codeableConcept = z.looseObject({ coding: fhirArray(coding).optional(), text: fhirString.optional() });

export const identifier = z.looseObject({
  use: z.enum(["usual", "official", "temp", "secondary", "old"]).optional(),
  type: codeableConcept.optional(),
  system: fhirUri.optional(),
  value: fhirString.optional(),
});

export const reference = z.looseObject({
  reference: fhirString.optional(),
  type: fhirUri.optional(),
  identifier: identifier.optional(),
  display: fhirString.optional(),
});

export const money = z.looseObject({
  value: fhirDecimal.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 currency code such as USD")
    .optional(),
});

export const quantity = z.looseObject({
  value: fhirDecimal.optional(),
  unit: fhirString.optional(),
  system: fhirUri.optional(),
  code: fhirCode.optional(),
});

export const period = z.looseObject({ start: fhirDateTime.optional(), end: fhirDateTime.optional() });

export const extension = z.looseObject({ url: fhirUri });

export type Coding = z.infer<typeof coding>;
export type CodeableConcept = z.infer<typeof codeableConcept>;
export type Identifier = z.infer<typeof identifier>;
export type Reference = z.infer<typeof reference>;
export type Money = z.infer<typeof money>;
