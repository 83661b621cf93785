/** Figures as the bulletin writes them (docs/bulletin.md): Chinese dates, percentages and scores to one decimal. */
import type { Indicator } from "../core/model/catalogue";
import type { IndicatorResult, Status } from "../core/model/results";
import { STATUS_STYLE } from "../core/score";
import { BULLETIN_FIGURE } from "../core/i18n/bulletin-labels";
import { STATUS_WORDS } from "../core/i18n/status-messages";

export const DASH = "—";

/** "2022-09-30" → "2022年9月30日". */
export function dateZh(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return BULLETIN_FIGURE.date(y, m, d);
}

/** A share as a percentage with one decimal: 0.7746 → "77.5%". */
export function pct(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? DASH : `${(x * 100).toFixed(1)}%`;
}

/** A score with one decimal: 66.51 → "66.5". */
export function score1(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? DASH : x.toFixed(1);
}

function grouped(s: string): string {
  const [int, frac] = s.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const withCommas = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${withCommas}${frac === undefined ? "" : `.${frac}`}`;
}

/**
 * A figure in the indicator's own unit, as 汇总 shows it: whole numbers for counts, two decimals
 * otherwise, thousands grouped (12,145; 390.01; 1.10).
 */
export function value(
  x: number | null | undefined,
  ind: Pick<Indicator, "integer"> | undefined
): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return grouped(ind?.integer ? Math.round(x).toFixed(0) : x.toFixed(2));
}

/** A figure with its unit: "7,160亩", "0.32个百分点" for a percentage, the bare figure for "—". */
export function withUnit(
  x: number | null | undefined,
  unit: string,
  ind: Pick<Indicator, "integer"> | undefined,
  diff = false
): string {
  const v = value(x, ind);
  if (v === DASH || unit === "—" || unit === "") return v;
  if (unit === "%") return diff ? BULLETIN_FIGURE.percentagePoints(v) : `${v}%`;
  return `${v}${unit}`;
}

/** The status in words (no symbol: the document is printed, and the word carries it). */
export function statusWord(s: Status): string {
  return STATUS_STYLE[s].zh;
}

/** "市科技局、市财政局" */
export function list(items: string[]): string {
  return items.join("、");
}

/** The actual as shown: what was typed for a figure that cannot be used, else the figure. */
export function actualShown(
  r: IndicatorResult,
  ind: Pick<Indicator, "integer" | "kind"> | undefined
): string {
  if (r.status === "invalid") return r.actualText ?? STATUS_WORDS.invalid.zh;
  if (r.actual === null)
    return r.status === "no_data" ? BULLETIN_FIGURE.notReported : (r.actualText ?? DASH);
  return ind?.kind === "milestone"
    ? (BULLETIN_FIGURE.milestone[r.actual] ?? value(r.actual, ind))
    : value(r.actual, ind);
}

/** The target as shown: 完成 for a milestone. */
export function targetShown(
  r: IndicatorResult,
  ind: Pick<Indicator, "integer" | "kind"> | undefined
): string {
  return ind?.kind === "milestone" ? BULLETIN_FIGURE.milestoneTarget : value(r.target, ind);
}
