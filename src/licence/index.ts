export { readDriversLicence, type LicenceReading, type ReadLicenceOptions, type BarcodeReport } from "./read-licence";
export { readFrontByOcr, OCR_LONG_SIDE, type FrontOcrResult, type OcrPass } from "./front-ocr";
