export { isCms1500 } from "./cms1500";
export { type DocumentPageText, type ExtractionInput, extractClaimFields } from "./extract";
export { parseLocation } from "./field-parsers";
export type { ClaimFieldName } from "./labels";
export type { ClaimExtraction, ExtractedField, ExtractionMethod } from "./result";
export { findAmounts, findDates, parseAmount, parseDate } from "./values";
export { AUTHORITIES, COLLISION_TYPES, INCIDENT_SEVERITIES, INCIDENT_TYPES } from "./vocabulary";
