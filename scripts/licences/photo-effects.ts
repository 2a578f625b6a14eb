// What a phone does to a card: perspective and tilt on a desk, uneven light, blur, a lower
// resolution and JPEG compression. Raw RGBA in, raw RGBA out (encoding is the caller's).
import { int, type Random } from "./people";

export interface Raw {
  data: Uint8Array;
  width: number;
  height: number;
}

type Point = [number, number];

/** The 3x3 homography (row-major, h33 = 1) mapping the four `from` points onto `to`. */
function homography(from: Point[], to: Point[]): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 9; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return [...a.map((row, i) => row[8]! / row[i]!), 1];
}

/** A desk: warm or grey wood-like texture. */
function desk(width: number, height: number, r: Random): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  const base = [int(r, 90, 170), int(r, 70, 130), int(r, 50, 110)];
  const freq = 0.02 + r() * 0.05;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const grain = 18 * Math.sin(y * freq + Math.sin(x * 0.01) * 3) + (r() - 0.5) * 16;
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) out[i + c] = Math.max(0, Math.min(255, base[c]! + grain));
      out[i + 3] = 255;
    }
  }
  return out;
}

/** The card photographed: placed on a desk with tilt and perspective, then lit unevenly. */
export function photograph(card: Raw, r: Random, frame: { width: number; height: number }): Raw {
  const { width, height } = frame;
  const out = desk(width, height, r);
  const cardW = width * (0.62 + r() * 0.2);
  const cardH = cardW * (card.height / card.width);
  const cx = width / 2 + (r() - 0.5) * (width - cardW) * 0.5;
  const cy = height / 2 + (r() - 0.5) * (height - cardH) * 0.5;
  const angle = ((r() - 0.5) * 10 * Math.PI) / 180;
  const jitter = () => (r() - 0.5) * cardW * 0.06;
  const corners: Point[] = [
    [-cardW / 2, -cardH / 2],
    [cardW / 2, -cardH / 2],
    [cardW / 2, cardH / 2],
    [-cardW / 2, cardH / 2],
  ].map(([x, y]) => [
    cx + x! * Math.cos(angle) - y! * Math.sin(angle) + jitter(),
    cy + x! * Math.sin(angle) + y! * Math.cos(angle) + jitter(),
  ]);
  const src: Point[] = [
    [0, 0],
    [card.width, 0],
    [card.width, card.height],
    [0, card.height],
  ];
  const h = homography(corners, src);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const w = h[6]! * x + h[7]! * y + 1;
      const u = (h[0]! * x + h[1]! * y + h[2]!) / w;
      const v = (h[3]! * x + h[4]! * y + h[5]!) / w;
      if (u < 0 || v < 0 || u >= card.width - 1 || v >= card.height - 1) continue;
      const x0 = Math.floor(u);
      const y0 = Math.floor(v);
      const fx = u - x0;
      const fy = v - y0;
      const i00 = (y0 * card.width + x0) * 4;
      const i10 = i00 + 4;
      const i01 = i00 + card.width * 4;
      const i11 = i01 + 4;
      const a =
        (card.data[i00 + 3]! * (1 - fx) * (1 - fy) +
          card.data[i10 + 3]! * fx * (1 - fy) +
          card.data[i01 + 3]! * (1 - fx) * fy +
          card.data[i11 + 3]! * fx * fy) /
        255;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) {
        const s =
          card.data[i00 + c]! * (1 - fx) * (1 - fy) +
          card.data[i10 + c]! * fx * (1 - fy) +
          card.data[i01 + c]! * (1 - fx) * fy +
          card.data[i11 + c]! * fx * fy;
        out[o + c] = Math.round(s * a + out[o + c]! * (1 - a));
      }
    }
  }
  unevenLight(out, width, height, r);
  return { data: out, width, height };
}

/** A lamp off to one side: brightness falls from ~1.15 to ~0.65 across the frame. */
function unevenLight(data: Uint8Array, width: number, height: number, r: Random): void {
  const lx = r() * width;
  const ly = r() * height;
  const reach = Math.hypot(width, height);
  const low = 0.6 + r() * 0.15;
  const high = 1.05 + r() * 0.1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const f = high - (high - low) * (Math.hypot(x - lx, y - ly) / reach);
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, Math.round(data[i + c]! * f)));
    }
  }
}
