// tesseract-wasm ships types but its package "exports" hides them from TypeScript's
// bundler resolution; this is the part of its API we use (dist/ocr-engine.d.ts).
declare module "tesseract-wasm" {
  export interface TextItem {
    rect: { left: number; top: number; right: number; bottom: number };
    flags: number;
    confidence: number;
    text: string;
  }
  export interface OCREngine {
    loadModel(model: Uint8Array | ArrayBuffer): void;
    loadImage(image: { data: Uint8ClampedArray; width: number; height: number }): void;
    clearImage(): void;
    getTextBoxes(unit: "line" | "word"): TextItem[];
    getText(): string;
    setVariable(name: string, value: string): void;
    getVariable(name: string): string;
    destroy(): void;
  }
  export function createOCREngine(options?: { wasmBinary?: Uint8Array | ArrayBuffer }): Promise<OCREngine>;
}
