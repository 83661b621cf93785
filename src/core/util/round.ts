/**
 * Rounding a figure that arithmetic has computed, one function per purpose. Binary floating point
 * writes most decimals only approximately, so a product or a quotient carries noise in its last
 * digits (5.6 × 10000 = 55999.99999999999, 0.0142 × 100 = 1.4200000000000002): each purpose keeps
 * the digits it can trust and drops the rest.
 */

/**
 * A computed figure to 15 significant digits, as Number(x.toPrecision(15)) gives it. 15 is the
 * most a double holds for every decimal (any 15-digit decimal reads back unchanged), so a typed
 * figure keeps every digit while the noise of converting it (万亩 → 亩) or of a quotient is dropped.
 * Where 10^k is exact (k ≤ 22), the digits are found with a product instead: formatting a number as
 * text costs ten times as much, and every converted figure of a workbook passes here.
 */
export function roundComputed(x: number): number {
  if (x === 0) return 0; // toPrecision writes -0 as "0"
  if (!Number.isFinite(x)) return x;
  const k = 14 - Math.floor(Math.log10(Math.abs(x)));
  if (k < 0 || k > 22) return Number(x.toPrecision(15));
  const p = POWERS_OF_TEN[k];
  const y = x * p;
  // y is the 15 digits with at most half a unit of its last place off: only a product that lands on
  // a half exactly can round differently from x's exact decimal value, and is left to toPrecision.
  if (Math.abs(y - Math.trunc(y)) === 0.5) return Number(x.toPrecision(15));
  return Math.round(y) / p;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** A figure written to a JSON document (1.1/1.42 → 0.774647887323944): roundComputed, null kept. */
export function roundForJson(n: number | null): number | null {
  return n === null ? null : roundComputed(n);
}

/**
 * A percent from its fraction or back (0.0142 × 100 → 1.42, 3 / 100 → 0.03), to 12 significant
 * digits. The fraction a cell stores for 1.42% is itself off in its 17th digit, and the scaling
 * adds its own error: 12 digits leave three below the 15 a double holds as margin for both, and
 * are far more than a percent is ever typed with.
 */
export function roundScaledPercent(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(12));
}

/**
 * A figure shown in a message that was summed or averaged over many units' figures (a city total
 * against its townships): to 10 significant digits. Each addition of converted figures may add
 * noise in the last digit, and a sum over hundreds of rows reaches the 13th (56180.000000001);
 * 10 digits hold any figure the forms report (12,345,678.90) and show it as typed.
 */
export function roundForMessage(x: number): number {
  return +x.toPrecision(10);
}
