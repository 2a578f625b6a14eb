/** Dense row-major float32 feature matrix; NaN marks a missing value. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float32Array;
}

export function matrixFromRows(rows: ArrayLike<number>[], cols?: number): Matrix {
  const c = cols ?? rows[0]?.length ?? 0;
  const data = new Float32Array(rows.length * c);
  rows.forEach((r, i) => {
    for (let j = 0; j < c; j++) data[i * c + j] = (r[j] ?? NaN) as number;
  });
  return { rows: rows.length, cols: c, data };
}

export function selectRows(m: Matrix, idx: readonly number[]): Matrix {
  const data = new Float32Array(idx.length * m.cols);
  for (const [i, r] of idx.entries()) data.set(m.data.subarray(r * m.cols, (r + 1) * m.cols), i * m.cols);
  return { rows: idx.length, cols: m.cols, data };
}

export function row(m: Matrix, i: number): Float32Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

export const MISSING_BIN = 255;

/**
 * Quantile histogram of each column. `edges[f][b]` is the largest training value in bin b,
 * itself a float32 value, so `x <= edges[f][b]` routes training rows exactly as the bins do.
 */
export interface BinnedMatrix {
  rows: number;
  cols: number;
  /** Column-major bin codes; MISSING_BIN for NaN. */
  bins: Uint8Array;
  edges: Float32Array[];
}

export function binMatrix(m: Matrix, maxBins = 64): BinnedMatrix {
  const bins = new Uint8Array(m.rows * m.cols);
  const edges: Float32Array[] = [];
  const cap = Math.min(maxBins, MISSING_BIN);
  for (let f = 0; f < m.cols; f++) {
    const values: number[] = [];
    for (let i = 0; i < m.rows; i++) {
      const v = m.data[i * m.cols + f] as number;
      if (!Number.isNaN(v)) values.push(v);
    }
    values.sort((a, b) => a - b);
    const unique: number[] = [];
    for (const v of values) if (unique.length === 0 || unique[unique.length - 1] !== v) unique.push(v);
    let e: number[];
    if (unique.length <= cap) e = unique;
    else {
      e = [];
      for (let b = 1; b <= cap; b++) {
        const q = values[Math.min(values.length - 1, Math.ceil((b * values.length) / cap) - 1)] as number;
        if (e.length === 0 || (e[e.length - 1] as number) < q) e.push(q);
      }
    }
    const fe = Float32Array.from(e);
    edges.push(fe);
    for (let i = 0; i < m.rows; i++) {
      const v = m.data[i * m.cols + f] as number;
      let code = MISSING_BIN;
      if (!Number.isNaN(v)) {
        let lo = 0;
        let hi = fe.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (v <= (fe[mid] as number)) hi = mid;
          else lo = mid + 1;
        }
        code = lo;
      }
      bins[f * m.rows + i] = code;
    }
  }
  return { rows: m.rows, cols: m.cols, bins, edges };
}
