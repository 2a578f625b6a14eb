// Levels computed per square tile of a page (a threshold, a background), read back per pixel by
// bilinear interpolation between tile centres, one row at a time so that no full-size float
// image is ever held in a 128 MB isolate.

export interface TileGrid {
  /** One level per tile, row-major. */
  levels: ArrayLike<number>;
  tilesX: number;
  tilesY: number;
  /** Tile side in pixels. */
  tile: number;
}

/** Fills `row` (the page's width) with the interpolated level of every pixel of row `y`. */
export function interpolateRow(grid: TileGrid, y: number, row: Float64Array): void {
  const { levels, tilesX, tilesY, tile } = grid;
  const fy = Math.min(tilesY - 1, Math.max(0, (y - tile / 2) / tile));
  const y0 = Math.floor(fy);
  const y1 = Math.min(tilesY - 1, y0 + 1);
  const wy = fy - y0;
  for (let x = 0; x < row.length; x++) {
    const fx = Math.min(tilesX - 1, Math.max(0, (x - tile / 2) / tile));
    const x0 = Math.floor(fx);
    const x1 = Math.min(tilesX - 1, x0 + 1);
    const wx = fx - x0;
    const top = levels[y0 * tilesX + x0]! * (1 - wx) + levels[y0 * tilesX + x1]! * wx;
    const bottom = levels[y1 * tilesX + x0]! * (1 - wx) + levels[y1 * tilesX + x1]! * wx;
    row[x] = top * (1 - wy) + bottom * wy;
  }
}
