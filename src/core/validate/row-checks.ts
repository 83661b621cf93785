/**
 * The checks of one indicator row against the catalogue, the earlier figures and the other rows
 * (units, ratios, jumps, responsibility, remarks, references), and its score: what a sheet's
 * check (sheet.ts) runs on each row it has read.
 */

import type { Catalogue, Indicator } from "../model/catalogue";
import type { Finding, IndicatorResult } from "../model/results";

import { normaliseUnit } from "../read/units";
import { sameUnit, type IndicatorIndex } from "../read/match";
import { scoreIndicator } from "../score";
import { isoYear } from "../util/dates";
import { makeFinding } from "./rules";

import { indicatorLabel, type ReadValue } from "./interpret";

import type { RowData } from "./sheet";

/** Two figures that differ by more than rounding (relative to the larger). */
const SAME = 1e-6;
function differs(a: number, b: number): boolean {
  return Math.abs(a - b) > SAME * Math.max(1, Math.abs(a), Math.abs(b));
}

export interface Ctx {
  sheet: string;
  catalogue: Catalogue;
  index: IndicatorIndex;
  unit: string | null;
  asOf: string | null;
  findings: Finding[];
}

/** A township's or street's sheet carries its own share of a `sum` indicator (docs/specification.md §3). */
export function isUnitShare(ind: Indicator, ctx: Ctx): boolean {
  if (ind.aggregation !== "sum") return false;
  if (!ctx.unit) return true;
  return !sameUnit(ctx.unit, ind.owner);
}

/**
 * The rules on the rows read, each row alone then between rows, and the scores: every rule that
 * can make an error runs before a row is scored, so a row with one is scored as invalid.
 */
export function checkRows(rows: RowData[], ctx: Ctx): IndicatorResult[] {
  for (const r of rows) checkCatalogueValues(r, ctx);
  checkRatios(rows, ctx);
  for (const r of rows) checkAgainstPrevious(r, ctx);
  if (ctx.unit) for (const r of rows) checkResponsible(r, ctx);
  const asOf = ctx.asOf;
  if (asOf) for (const r of rows) checkReference(r, asOf, ctx);
  const withError = new Set<string | undefined>();
  for (const f of ctx.findings) if (f.severity === "error") withError.add(f.indicator);
  for (const r of rows) r.hasError = withError.has(r.indicator.code);
  const results = asOf ? rows.filter((r) => r.indicator.kind).map((r) => scoreRow(r, ctx)) : [];
  for (const res of results) checkRemarks(res, rows, ctx);
  return results;
}

/**
 * A rate as a message shows it, in percent points to at most 6 decimals (0.035 → "3.5%"):
 * enough for any rate a plan sets, and no float noise of the × 100.
 */
function ratePercent(rate: number): string {
  return `${+(rate * 100).toFixed(6)}%`;
}

export function checkCatalogueValues(r: RowData, ctx: Ctx): void {
  const ind = r.indicator;
  const at = (v: ReadValue) => ({
    sheet: ctx.sheet,
    cell: v.address,
    indicator: ind.code,
    text: v.text,
  });
  const label = indicatorLabel(ind);
  const share = isUnitShare(ind, ctx);
  if (
    !share &&
    r.target.state === "ok" &&
    r.target.value !== null &&
    ind.target !== null &&
    ind.kind
  ) {
    let typed = r.target.value;
    // A percent target typed as a fraction (0.0142) means the same target.
    if (
      normaliseUnit(ind.unit) === "%" &&
      !r.target.percent &&
      typed < 1 &&
      ind.target > 1 &&
      !differs(typed * 100, ind.target)
    )
      typed *= 100;
    if (differs(typed, ind.target)) {
      const growth = ind.kind === "annual_growth";
      const shown = growth ? ratePercent(ind.target) : ind.target;
      const found = growth ? ratePercent(typed) : r.target.text;
      ctx.findings.push(
        makeFinding("target_changed", at(r.target), { ind: label, found, expected: shown })
      );
    }
  }
  if (
    !share &&
    r.baseline.state === "ok" &&
    r.baseline.value !== null &&
    ind.baseline !== null &&
    differs(r.baseline.value, ind.baseline)
  ) {
    ctx.findings.push(
      makeFinding("baseline_changed", at(r.baseline), {
        ind: label,
        found: r.baseline.text,
        expected: ind.baseline,
      })
    );
  }
}

/** A reported ratio against the one computed from its reported parts (A1 = A1a / A1b × 100, C9 = C9a / C9b). */
export function checkRatios(rows: RowData[], ctx: Ctx): void {
  if (!rows.some((r) => r.indicator.ratio)) return;
  const byCode = new Map(rows.map((r) => [r.indicator.code, r]));
  for (const r of rows) {
    const ratio = r.indicator.ratio;
    if (!ratio || r.actual.state !== "ok" || r.actual.value === null) continue;
    const num = byCode.get(ratio.numerator)?.actual;
    const den = byCode.get(ratio.denominator)?.actual;
    if (
      !num ||
      !den ||
      num.state !== "ok" ||
      den.state !== "ok" ||
      !den.value ||
      num.value === null
    )
      continue;
    const computed = (num.value / den.value) * ratio.factor;
    if (Math.abs(computed - r.actual.value) > 0.05 + 1e-9) {
      ctx.findings.push(
        makeFinding(
          "inconsistent_ratio",
          {
            sheet: ctx.sheet,
            cell: r.actual.address,
            indicator: r.indicator.code,
            text: r.actual.text,
          },
          {
            ind: indicatorLabel(r.indicator),
            found: r.actual.value,
            // 4 decimals: finer than the 0.05 points of tolerance, without float noise.
            expected: +computed.toFixed(4),
          }
        )
      );
    }
  }
}

/**
 * The actual against the figure before it (the previous period's, else the latest of history): a
 * cumulative figure that fell; for a level, a figure in the wrong unit or one that jumped.
 */
export function checkAgainstPrevious(r: RowData, ctx: Ctx): void {
  const ind = r.indicator;
  const a = r.actual;
  if (a.state !== "ok" || a.value === null || ind.kind === "milestone") return;
  const prev = r.previous.state === "ok" ? r.previous.value : latest(r.history);
  if (prev !== null && ind.cumulative && a.value < prev) {
    const args = { ind: indicatorLabel(ind), found: a.value, expected: prev };
    ctx.findings.push(makeFinding("cumulative_decreased", actualAt(r, ctx), args));
  }
  // Counts of things built (cumulative integers) grow in small steps: 1 → 2 is no outlier.
  if (ind.measure !== "level" || (ind.integer && ind.cumulative)) return;
  // Against the previous value; with none, against the baseline — a wrong scale (万亩 for 亩) shows here.
  const ref = prev ?? comparableBaseline(r, ctx);
  if (ref === null || checkScale(r, a.value, ref, ctx)) return;
  if (
    ref !== 0 &&
    Math.abs(a.value - ref) / Math.abs(ref) > 0.5 &&
    !(prev === null && onTheWay(a.value, ref, r, ctx))
  ) {
    ctx.findings.push(
      makeFinding("outlier_jump", actualAt(r, ctx), {
        ind: indicatorLabel(ind),
        found: a.value,
        expected: ref,
        against: prev === null ? "baseline" : "previous",
      })
    );
  }
}

/**
 * Where a finding on the actual points (built only when there is one: a figure's text costs its
 * formatting).
 */
function actualAt(r: RowData, ctx: Ctx) {
  return {
    sheet: ctx.sheet,
    cell: r.actual.address,
    indicator: r.indicator.code,
    text: r.actual.text,
  };
}

/** The sheet's baseline, else the catalogue's; a township's share has only its own. */
function comparableBaseline(r: RowData, ctx: Ctx): number | null {
  if (r.baseline.state === "ok") return r.baseline.value;
  const ind = r.indicator;
  return ind.baseline === null || isUnitShare(ind, ctx) ? null : ind.baseline;
}

/**
 * A figure thousands of times its reference under a 万/千/亿 unit was typed in the plain unit
 * (52000 under 万亩): the unit does not fit the figure, an error, not a jump. True when it is so.
 */
function checkScale(r: RowData, value: number, ref: number, ctx: Ctx): boolean {
  if (!(ref > 0 && value > 0 && (value / ref >= 1000 || ref / value >= 1000))) return false;
  const a = r.actual;
  const unitRef = r.row.cells.unit;
  const scaledUnit = /[万千亿]/.test(unitRef?.text ?? "");
  if (!scaledUnit && !/[万千亿]/.test(a.text)) return false;
  const where = scaledUnit ? unitRef! : undefined;
  ctx.findings.push(
    makeFinding(
      "unit_mismatch",
      {
        sheet: ctx.sheet,
        cell: where?.address ?? a.address,
        indicator: r.indicator.code,
        text: where?.text ?? a.text,
      },
      {
        ind: indicatorLabel(r.indicator),
        found: where?.text ?? a.text,
        expected: r.indicator.unit,
        other: `${value}`,
        min: ref,
      }
    )
  );
  return true;
}

/**
 * Against the baseline, a figure on the way to its target is no jump, however far the target is
 * (3,000 亩 planned to grow to 10,000): only one well outside the span from baseline to target is.
 */
export function onTheWay(value: number, baseline: number, r: RowData, ctx: Ctx): boolean {
  const ind = r.indicator;
  const share = isUnitShare(ind, ctx) && ind.kind !== "annual_growth";
  const target = share
    ? r.target.state === "ok"
      ? r.target.value
      : null
    : ind.kind === "at_least" ||
        ind.kind === "greater_than" ||
        ind.kind === "approx" ||
        ind.kind === "at_most"
      ? ind.target
      : null;
  if (target === null || target <= 0 || baseline <= 0) return false;
  return value >= Math.min(baseline, target) * 0.5 && value <= Math.max(baseline, target) * 1.5;
}

export function latest(history: { date: string; value: number }[]): number | null {
  if (!history.length) return null;
  return [...history].sort((x, y) => (x.date < y.date ? -1 : 1))[history.length - 1].value;
}

export function checkResponsible(r: RowData, ctx: Ctx): void {
  const ind = r.indicator;
  if (ind.aggregation !== "owner" || !ctx.unit || sameUnit(ctx.unit, ind.owner)) return;
  const ref = r.row.cells.indicator ?? r.row.cells.code;
  ctx.findings.push(
    makeFinding(
      "not_responsible",
      { sheet: ctx.sheet, cell: ref?.address, indicator: ind.code, text: r.row.name || r.row.code },
      { ind: indicatorLabel(ind), owner: ind.owner, reporter: ctx.unit }
    )
  );
}

export function scoreRow(r: RowData, ctx: Ctx): IndicatorResult {
  const ind = r.indicator;
  const share = isUnitShare(ind, ctx);
  const sheetBaseline = r.baseline.state === "ok" ? r.baseline.value : null;
  const baseline = share ? sheetBaseline : (ind.baseline ?? sheetBaseline);
  let targetOverride: number | null | undefined;
  if (share && ind.kind !== "annual_growth")
    targetOverride = r.target.state === "ok" ? r.target.value : null;
  const state = r.hasError ? "invalid" : r.actual.state === "ok" ? "ok" : r.actual.state;
  const figures = scoreIndicator({
    indicator: ind,
    state,
    actual: r.actual.state === "ok" ? r.actual.value : null,
    baseline,
    targetOverride,
    asOf: ctx.asOf!,
    history: r.history,
    tolerances: ctx.catalogue.tolerances,
  });
  // The identity fields exist (unset) on what scoreIndicator returns: filled in place.
  const res = figures as IndicatorResult;
  res.sheet = ctx.sheet;
  res.cell = r.actual.address;
  // What was typed is shown only where no figure can be (a figure's text is its formatting, built on demand).
  if ((res.actual === null || res.status === "invalid") && r.actual.text)
    res.actualText = r.actual.text;
  if (r.actual.approx) res.approximate = true;
  return res;
}

export function checkRemarks(res: IndicatorResult, rows: RowData[], ctx: Ctx): void {
  const r = rows.find((x) => x.indicator.code === res.code);
  if (!r || r.remarks) return;
  const decreased =
    r.actual.state === "ok" &&
    r.actual.value !== null &&
    r.previous.state === "ok" &&
    r.previous.value !== null &&
    r.actual.value < r.previous.value;
  if (res.status !== "critical" && !decreased) return;
  const cell = r.row.cells.remarks?.address ?? r.actual.address;
  ctx.findings.push(
    makeFinding(
      "remark_required",
      { sheet: ctx.sheet, cell, indicator: res.code },
      {
        ind: indicatorLabel(r.indicator),
        why: res.status === "critical" ? "critical" : "decreased",
      }
    )
  );
}

export function checkReference(r: RowData, asOf: string, ctx: Ctx): void {
  const ind = r.indicator;
  const year = isoYear(asOf);
  if (ind.kind !== "reach_reference" || ind.reference?.[year] !== undefined) return;
  const ref = r.actual.address ? r.actual : undefined;
  ctx.findings.push(
    makeFinding(
      "missing_reference",
      {
        sheet: ctx.sheet,
        cell: ref?.address ?? (r.row.cells.indicator ?? r.row.cells.code)?.address,
        indicator: ind.code,
        text: ref?.text,
      },
      { ind: indicatorLabel(ind), year }
    )
  );
}
