// A photocopy of a PDF: every page rendered (pdftoppm, grey, 1.5× the copy's resolution), then skewed, blurred,
// given grey paper and noise, brought to the copy's resolution and JPEG-compressed (or
// thresholded to black and white) with ImageMagick, and wrapped as an image-only PDF.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import type { Degradation } from "./variations";

/** `seed` fixes ImageMagick's noise, so that a document's copy is the same on every run. */
export async function photocopy(pdf: Uint8Array, d: Degradation, seed = 1): Promise<Uint8Array> {
  const work = mkdtempSync(join(tmpdir(), "photocopy-"));
  // Rendered finer than the copy so that the skew is drawn smoothly, then brought down.
  const renderDpi = Math.round(d.dpi * 1.5);
  try {
    writeFileSync(join(work, "in.pdf"), pdf);
    execFileSync("pdftoppm", ["-r", String(renderDpi), "-gray", join(work, "in.pdf"), join(work, "page")], {
      stdio: ["ignore", "ignore", "ignore"],
    });
    const pages = readdirSync(work)
      .filter((f) => f.startsWith("page"))
      .sort();
    const out = await PDFDocument.create();
    const fixed = new Date("2025-01-01T00:00:00Z");
    out.setCreationDate(fixed);
    out.setModificationDate(fixed);
    for (const [i, file] of pages.entries()) {
      const paper = Math.round(d.paper * 100);
      const target = join(work, `copy-${i}.${d.bilevel ? "png" : "jpg"}`);
      const args = [
        "-limit",
        "thread",
        "1",
        "-seed",
        String((seed + i) % 2_147_483_647),
        join(work, file),
        "-background",
        `gray${paper}`,
        // Grey paper: white becomes the paper tone, ink stays dark.
        "+level",
        `0%,${paper}%`,
        "-rotate",
        d.skewDegrees.toFixed(2),
        "-gravity",
        "center",
        "-crop",
        `${Math.round(8.5 * renderDpi)}x${11 * renderDpi}+0+0`,
        "+repage",
        "-resize",
        `${Math.round((d.dpi / renderDpi) * 1000) / 10}%`,
        // Blur in pixels of a 150 dpi copy, scaled to this copy's resolution.
        "-blur",
        `0x${((d.blur * d.dpi) / 150).toFixed(2)}`,
        "-attenuate",
        d.noise.toFixed(2),
        "+noise",
        "Gaussian",
        "-density",
        String(d.dpi),
      ];
      if (d.bilevel) args.push("-threshold", "55%", "-type", "bilevel", target);
      else args.push("-quality", String(d.jpegQuality), target);
      execFileSync("convert", args);
      const bytes = readFileSync(target);
      const image = d.bilevel ? await out.embedPng(bytes) : await out.embedJpg(bytes);
      const page = out.addPage([612, 792]);
      page.drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
    }
    return await out.save();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
