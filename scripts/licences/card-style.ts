// The look of a card: fonts, colours, background pattern and small position shifts, drawn
// from the seed so that no two fixtures look quite alike.
import { int, pick, type Random } from "./people";

export interface CardStyle {
  font: string;
  valueFont: string;
  labelColour: string;
  valueColour: string;
  headerColour: string;
  background: [string, string];
  patternColour: string;
  patternKind: "waves" | "rings" | "diagonal";
  dx: number;
  dy: number;
  valueSize: number;
  labelSize: number;
}

const TUNED_FONTS = ["DejaVu Sans", "Nimbus Sans", "DejaVu Sans Condensed"];
/** Fonts only the held-out set uses: a layout's text in a face the reader was never tuned on. */
const HELD_OUT_FONTS = ["URW Gothic", "Nimbus Sans Narrow", "C059", "Noto Sans Mono"];

export function cardStyle(r: Random, heldOut: boolean): CardStyle {
  const fonts = heldOut ? [...TUNED_FONTS, ...HELD_OUT_FONTS] : TUNED_FONTS;
  const hue = int(r, 0, 359);
  const hue2 = (hue + int(r, 30, 90)) % 360;
  return {
    font: pick(r, fonts),
    valueFont: pick(r, fonts),
    labelColour: pick(r, ["#9b1c1c", "#1f3a7a", "#444444", "#7a1f5c"]),
    valueColour: pick(r, ["#111111", "#1a1a1a", "#0b1d3a"]),
    headerColour: `hsl(${hue}, 55%, 30%)`,
    background: [`hsl(${hue}, 45%, 90%)`, `hsl(${hue2}, 40%, 84%)`],
    patternColour: `hsl(${hue2}, 35%, 72%)`,
    patternKind: pick(r, ["waves", "rings", "diagonal"] as const),
    dx: int(r, -12, 12),
    dy: int(r, -8, 8),
    valueSize: int(r, 27, 32),
    labelSize: int(r, 17, 20),
  };
}

export const CARD_W = 1012;
export const CARD_H = 638;

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Card outline, gradient and security pattern (fine lines behind the text, as on real cards). */
export function cardBackground(s: CardStyle, r: Random): string {
  const lines: string[] = [];
  if (s.patternKind === "waves") {
    for (let k = 0; k < 26; k++) {
      const y0 = 20 + k * 24;
      let d = `M 0 ${y0}`;
      for (let x = 0; x <= CARD_W; x += 20) d += ` L ${x} ${(y0 + 9 * Math.sin(x / 37 + k * 0.7)).toFixed(1)}`;
      lines.push(`<path d="${d}" stroke="${s.patternColour}" stroke-width="1.2" fill="none" opacity="0.7"/>`);
    }
  } else if (s.patternKind === "rings") {
    const cx = int(r, 300, 700);
    const cy = int(r, 200, 440);
    for (let k = 1; k < 30; k++)
      lines.push(
        `<circle cx="${cx}" cy="${cy}" r="${k * 22}" stroke="${s.patternColour}" stroke-width="1.2" fill="none" opacity="0.6"/>`,
      );
  } else {
    for (let k = -30; k < 50; k++)
      lines.push(
        `<line x1="${k * 26}" y1="0" x2="${k * 26 + 400}" y2="${CARD_H}" stroke="${s.patternColour}" stroke-width="1" opacity="0.55"/>`,
      );
  }
  return `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${s.background[0]}"/><stop offset="1" stop-color="${s.background[1]}"/></linearGradient></defs>
<rect x="0" y="0" width="${CARD_W}" height="${CARD_H}" rx="34" fill="url(#bg)"/>${lines.join("")}`;
}

/** The holder's photo: a grey box with a head-and-shoulders silhouette. */
export function photoBox(x: number, y: number, w: number, h: number, tone: string): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#b9c2c9"/>
<ellipse cx="${x + w / 2}" cy="${y + h * 0.38}" rx="${w * 0.22}" ry="${h * 0.2}" fill="${tone}"/>
<path d="M ${x + w * 0.1} ${y + h} Q ${x + w / 2} ${y + h * 0.5} ${x + w * 0.9} ${y + h} Z" fill="${tone}"/>`;
}
