import { describe, expect, it } from "vitest";
import { layoutText } from "../../src/pdf/text-layout";

const word = (str: string, x: number, y: number) => ({ str, x, y, width: str.length * 5, height: 10 });

describe("layoutText: positioned words back into lines and cells", () => {
  it("keeps a wide gap as a cell break and a narrow one as a space", () => {
    const text = layoutText(
      [word("Claimant", 72, 700), word("Name:", 117, 700), word("Jane", 260, 700), word("Roe", 283, 700)],
      { yDown: false },
    );
    expect(text.trim()).toMatch(/^Claimant Name:\s{2,}Jane Roe$/);
  });

  it("puts a value under its label's column", () => {
    const text = layoutText(
      [word("Policy", 300, 700), word("Date", 100, 700), word("AB-12345", 300, 686), word("2025-01-02", 100, 686)],
      { yDown: false },
    );
    const [labels, values] = text.split("\n");
    expect(values!.indexOf("AB-12345")).toBe(labels!.indexOf("Policy"));
    expect(values!.indexOf("2025-01-02")).toBe(labels!.indexOf("Date"));
  });

  it("groups words on slightly different baselines into one line and leaves a blank line at a paragraph gap", () => {
    const text = layoutText([word("Time", 10, 100), word("of", 35, 103), word("Loss", 50, 98), word("Next", 10, 160)], {
      yDown: true,
    });
    expect(text.split("\n").map((l) => l.trim())).toEqual(["Time of Loss", "", "Next"]);
  });
});
