export { type FrontOcrResult, OCR_LONG_SIDE, type OcrPass, readFrontByOcr } from "./front-ocr";
export { type BarcodeReport, type LicenceReading, type ReadLicenceOptions, readDriversLicence } from "./read-licence";
