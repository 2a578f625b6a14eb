export { type AamvaLicence, type AamvaParseResult, MAX_AAMVA_PAYLOAD, parseAamva } from "./aamva";
export { type AamvaHeader, readAamvaHeader, type SubfileDesignator } from "./aamva-header";
export * from "./dates";
export * from "./fields";
export { extractFrontFields, type FrontExtraction, type OcrTextLine } from "./front-text";
export * from "./jurisdictions";
export { barcodeReadings, CORE_FIELDS, type FieldConflict, type MergedLicence, mergeLicenceReadings } from "./merge";
