// A page OCR that remembers its readings on disk, keyed by the image and the settings: re-running
// the family bench after a change to extraction alone then skips tesseract. Timings are not
// meaningful when the cache answers (the bench says so).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { OcrResult, PageOcr, RecognizeOptions, RgbaImage } from "../../src/pdf/ocr-engine";

export function cachedOcr(ocr: PageOcr, dir: string): PageOcr & { hits: number } {
  mkdirSync(dir, { recursive: true });
  const cache = {
    hits: 0,
    recognize(image: RgbaImage, options: RecognizeOptions = {}): OcrResult {
      const key = createHash("sha1")
        .update(JSON.stringify([image.width, image.height, options.pageSegMode ?? 6, Math.round(options.dpi ?? 0)]))
        .update(image.data)
        .digest("hex");
      const file = join(dir, `${key}.json`);
      if (existsSync(file)) {
        cache.hits++;
        return JSON.parse(readFileSync(file, "utf8")) as OcrResult;
      }
      const result = ocr.recognize(image, options);
      writeFileSync(file, JSON.stringify(result));
      return result;
    },
  };
  return cache;
}
