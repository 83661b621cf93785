/** Linear projection of an indicator to its deadline (预计能否达标, docs/specification.md §5). */

export interface TimedValue {
  /** Time as whole months from the baseline date. */
  x: number;
  value: number;
}

/**
 * The least-squares straight line through the points, read at `atX`.
 * Null with fewer than two points, when all points share one time, or when the figures overflow.
 */
export function projectLinear(points: readonly TimedValue[], atX: number): number | null {
  if (points.length < 2) return null;
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.value, 0) / n;
  // Centred sums keep the fit stable for large values (元, 亩).
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (p.value - meanY);
  }
  if (!(sxx > 0)) return null;
  const projected = meanY + (sxy / sxx) * (atX - meanX);
  return Number.isFinite(projected) ? projected : null;
}
