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
      // Readings cached while tesseract-wasm's image loading reset every mode to the automatic
      // one are under mode 6: they hold for mode 3, never for another.
      const mode = options.pageSegMode ?? 3;
      const key = createHash("sha1")
        .update(
          JSON.stringify([image.width, image.height, mode === 3 ? 6 : `${mode} applied`, Math.round(options.dpi ?? 0)]),
        )
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
