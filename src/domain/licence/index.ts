export * from "./fields";
export * from "./jurisdictions";
export * from "./dates";
export { parseAamva, MAX_AAMVA_PAYLOAD, type AamvaLicence, type AamvaParseResult } from "./aamva";
export { readAamvaHeader, type AamvaHeader, type SubfileDesignator } from "./aamva-header";
export { extractFrontFields, type FrontExtraction, type OcrTextLine } from "./front-text";
export { mergeLicenceReadings, barcodeReadings, CORE_FIELDS, type MergedLicence, type FieldConflict } from "./merge";
