export { extractClaimFields, type DocumentPageText, type ExtractionInput } from "./extract";
export { parseLocation } from "./field-parsers";
export type { ClaimExtraction, ExtractedField, ExtractionMethod } from "./result";
export type { ClaimFieldName } from "./labels";
export { isCms1500 } from "./cms1500";
export { findAmounts, findDates, parseAmount, parseDate } from "./values";
export { AUTHORITIES, COLLISION_TYPES, INCIDENT_SEVERITIES, INCIDENT_TYPES } from "./vocabulary";
