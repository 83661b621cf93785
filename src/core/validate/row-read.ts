/**
 * Reading one indicator row of a sheet: its unit of measure, where its figures stand (value,
 * year and period columns), each figure in the indicator's unit, and the checks a figure needs
 * alone (its range, a missing actual, a percent typed as a fraction). What a sheet's check
 * (sheet.ts) does for every row it has matched to an indicator.
 */
import { isBlank } from "../model/cells";
import type { Indicator } from "../model/catalogue";
import type { Finding } from "../model/results";
import type { CellRef, ColumnKey, ReadSheet, SheetRow, TableLayout } from "../read/sheet";
import { parseValue } from "../read/values";
import {
  meansNoUnit,
  convertUnit,
  normaliseUnit,
  parseUnit,
  unitsCompatible,
  withImpliedPer,
} from "../read/units";
import { isoEndOfMonth, isoYear } from "../util/dates";

import { makeFinding } from "./rules";
import {
  readValueCell,
  readValue,
  checkRange,
  indicatorLabel,
  NO_VALUE,
  type ReadValue,
} from "./interpret";
import { previousDate, periodOfHeader } from "./sheet-period";
import type { RowData } from "./sheet";

/** What reading a row needs of its sheet; findings are pushed onto `findings`. */
export interface RowContext {
  read: ReadSheet;
  sheet: string;
  /** The year and the last day of the sheet's period, when it has one. */
  reportYear: number | null;
  asOf: string | null;
  findings: Finding[];
}

/** A cell, or a header or label, that names a unit of measure. */
type UnitAt = { address: string; text: string };

/** Where a row's figures stand. */
interface FigureRefs {
  actual?: CellRef;
  baseline?: CellRef;
  /** Columns of earlier years (a wide layout). */
  years: { year: number; ref: CellRef }[];
  /** Columns of earlier periods of the report year ("一季度 | 二季度"), with their last day. */
  periods: { date: string; ref: CellRef }[];
}

type Figures = Pick<RowData, "actual" | "baseline" | "target" | "previous" | "history">;

export function readRow(row: SheetRow, ind: Indicator, ctx: RowContext): RowData {
  const table = ctx.read.tables[row.table];
  const start = ctx.findings.length;
  const unit = rowUnit(row, ind, table, ctx.read);
  if ("spoiled" in unit) return spoiledRow(row, ind, unit.spoiled, ctx);
  const refs = locateFigures(row, ind, ctx);
  const figures = readFigures(row, ind, refs, { unit: unit.unit, table }, ctx);
  checkFigures(row, ind, refs.actual, figures, ctx);
  let hasError = false;
  for (let i = start; i < ctx.findings.length && !hasError; i++)
    hasError = ctx.findings[i].severity === "error";
  return { row, indicator: ind, ...figures, remarks: row.cells.remarks?.text ?? "", hasError };
}

/** A row whose unit of measure spoils every value: one finding, at the unit, and no figure. */
function spoiledRow(
  row: SheetRow,
  ind: Indicator,
  spoiled: { at: UnitAt; found: string },
  ctx: RowContext
): RowData {
  ctx.findings.push(
    makeFinding(
      "unit_mismatch",
      { sheet: ctx.sheet, cell: spoiled.at.address, indicator: ind.code, text: spoiled.at.text },
      { ind: indicatorLabel(ind), found: spoiled.found, expected: ind.unit }
    )
  );
  return {
    row,
    indicator: ind,
    actual: { ...NO_VALUE, state: "invalid", text: row.cells.actual?.text ?? "" },
    baseline: NO_VALUE,
    target: NO_VALUE,
    previous: NO_VALUE,
    history: [],
    remarks: row.cells.remarks?.text ?? "",
    hasError: true,
  };
}

/**
 * The unit of measure of a row: the unit column's; else the one in the indicator's name
 * ("优质青稞种植面积（万亩）"); else the table's ("单位：万亩" above it). Or, when the units given
 * disagree or the unit does not convert to the indicator's, where that is and what was found.
 */
function rowUnit(
  row: SheetRow,
  ind: Indicator,
  table: TableLayout,
  read: ReadSheet
): { unit: string } | { spoiled: { at: UnitAt; found: string } } {
  let unitAt: UnitAt | undefined = row.cells.unit;
  let unit = unitAt?.text ? normaliseUnit(unitAt.text) : "";
  if (meansNoUnit(unit)) unit = "";
  const named = unitInName(row);
  if (ind.kind !== "milestone") {
    const clash = unitsClash(row, table, unit, unitAt, named);
    if (clash) return { spoiled: clash };
  }
  // The unit as written, for the message.
  let unitText = unitAt?.text ?? "";
  if (!unit && named) {
    unit = unitText = named.unit;
    unitAt = named.ref;
  }
  const measure = read.meta.measure;
  if (!unit && measure) {
    unit = normaliseUnit(measure.text);
    unitAt = measure;
    unitText = measure.text;
  }
  unit = withImpliedPer(unit, ind);
  // A unit that does not convert spoils every value of the row: one finding, at the unit cell.
  if (unit && ind.kind !== "milestone" && !unitsCompatible(unit, ind.unit))
    return { spoiled: { at: unitAt!, found: unitText } };
  return { unit };
}

/** The value columns whose header may name a unit of measure. */
const VALUE_COLUMNS: readonly ColumnKey[] = ["baseline", "target", "actual", "previous"];

/**
 * Two units that disagree — the unit column's and the name's, or either and a value column's
 * header ("本期完成值（万亩）"): the sheet must say which one it means.
 */
function unitsClash(
  row: SheetRow,
  table: TableLayout,
  unit: string,
  unitAt: UnitAt | undefined,
  named: { unit: string; ref: CellRef } | null
): { at: UnitAt; found: string } | null {
  if (named && unit && !sameMeasure(named.unit, unit))
    return { at: unitAt!, found: `${named.unit} ≠ ${unitAt!.text}` };
  const given = unit || named?.unit;
  for (const key of VALUE_COLUMNS) {
    const own = table.units[key];
    if (own && given && row.cells[key]?.text && !sameMeasure(own, given))
      return { at: unitAt ?? named!.ref, found: `${own} ≠ ${given}` };
  }
  return null;
}

/** A unit of measure in brackets at the end of the indicator's name, when it is one. */
function unitInName(row: SheetRow): { unit: string; ref: CellRef } | null {
  const ref = row.cells.indicator;
  const m = ref ? /[（(]([^（）()]{1,8})[)）]\s*$/.exec(ref.text) : null;
  if (!ref || !m || !parseUnit(m[1])) return null;
  return { unit: normaliseUnit(m[1]), ref };
}

/** Two spellings of the same unit of measure (公斤/亩 and kg/亩). */
function sameMeasure(a: string, b: string): boolean {
  const f = convertUnit(1, a, b);
  return f !== null && Math.abs(f - 1) < 1e-9;
}

/**
 * The cells of the actual, the baseline and the earlier figures: the value columns; in a wide
 * layout the report year's column (earlier years are history); with period columns ("一季度 |
 * 二季度 | 三季度") the sheet's period (earlier periods are history); without a baseline column,
 * the column of the baseline's year ("2020", "2020年底").
 */
function locateFigures(row: SheetRow, ind: Indicator, ctx: RowContext): FigureRefs {
  const { reportYear, asOf } = ctx;
  let actual = row.cells.actual;
  const years: FigureRefs["years"] = [];
  if (row.years.length) {
    const year =
      reportYear ?? Math.max(...row.years.filter((y) => y.ref.text).map((y) => y.year), 0);
    const hit = row.years.find((y) => y.year === year);
    if (!actual && hit) actual = hit.ref;
    for (const y of row.years) if (y.year < year) years.push(y);
  }
  const periods: FigureRefs["periods"] = [];
  if (row.periods.length && !actual) {
    for (const p of row.periods) {
      const end = periodOfHeader(p.header, reportYear);
      if (end && asOf && end === asOf) actual = p.ref;
      else if (end && asOf && end < asOf) periods.push({ date: end, ref: p.ref });
    }
  }
  let baseline = row.cells.baseline;
  if (!baseline) {
    const at = years.findIndex((h) => h.year === isoYear(ind.baselineDate));
    if (at >= 0) baseline = years.splice(at, 1)[0].ref;
  }
  return { actual, baseline, years, periods };
}

/**
 * Each figure of the row in the indicator's unit. A value column's header may name its own unit;
 * a year's or a period's column takes the row's.
 */
function readFigures(
  row: SheetRow,
  ind: Indicator,
  refs: FigureRefs,
  units: { unit: string; table: TableLayout },
  ctx: RowContext
): Figures {
  const { sheet, findings } = ctx;
  const { unit, table } = units;
  const unitOf = (key: ColumnKey) => withImpliedPer(table.units[key] ?? unit, ind);
  const read = (ref: CellRef | undefined, u: string) => readValueCell(ref, ind, u, sheet, findings);
  const actual = read(refs.actual, refs.actual === row.cells.actual ? unitOf("actual") : unit);
  const baseline = read(
    refs.baseline,
    refs.baseline === row.cells.baseline ? unitOf("baseline") : unit
  );
  const target = readTarget(row.cells.target, ind, unitOf("target"), ctx);
  const previous = read(row.cells.previous, unitOf("previous"));
  const history: RowData["history"] = [];
  for (const h of refs.years) {
    const v = read(h.ref, unit);
    if (v.state === "ok" && v.value !== null)
      history.push({ date: isoEndOfMonth(h.year, 12), value: v.value });
  }
  for (const h of refs.periods) {
    const v = read(h.ref, unitOf("actual"));
    if (v.state === "ok" && v.value !== null) history.push({ date: h.date, value: v.value });
  }
  if (previous.state === "ok" && previous.value !== null && ctx.asOf) {
    const yearAgo = /上年/.test(table.headers.previous ?? "");
    history.push({ date: previousDate(ctx.asOf, yearAgo), value: previous.value });
  }
  return { actual, baseline, target, previous, history };
}

/**
 * A target cell: a number, or for growth kinds a rate ("3%", "年递增3%"), or text ("全省平均水平")
 * that is not judged.
 */
function readTarget(
  ref: CellRef | undefined,
  ind: Indicator,
  unit: string,
  ctx: RowContext
): ReadValue {
  if (!ref || isBlank(ref.cell)) return NO_VALUE;
  if (ind.kind === "milestone" || ind.kind === "reach_reference")
    return readValue(ref, "no_data", null);
  if (ind.kind === "annual_growth") {
    const p = parseValue(ref.cell);
    const m = /(-?\d+(?:\.\d+)?)\s*[%％]/.exec(ref.text);
    if (m) return readValue(ref, "ok", Number(m[1]) / 100, true);
    if (p.kind === "number" && p.percent) return readValue(ref, "ok", p.value / 100, true);
    // An absolute target for a growth indicator is not the rate the catalogue holds: read it, do
    // not compare it.
    const scratch: Finding[] = [];
    const v = readValueCell(ref, ind, unit, ctx.sheet, scratch);
    return readValue(ref, v.state === "ok" ? "no_data" : v.state, v.value, false, v.approx);
  }
  return readValueCell(ref, ind, unit, ctx.sheet, ctx.findings);
}

/** The checks of the figures alone: ranges, an actual left empty, a percent typed as a fraction. */
function checkFigures(
  row: SheetRow,
  ind: Indicator,
  actualRef: CellRef | undefined,
  figures: Figures,
  ctx: RowContext
): void {
  const { sheet, findings } = ctx;
  const { actual } = figures;
  checkRange(actual, ind, sheet, findings);
  checkRange(figures.baseline, ind, sheet, findings);
  checkRange(figures.previous, ind, sheet, findings);
  if (actual.state === "no_data") {
    findings.push(
      makeFinding(
        "missing_value",
        {
          sheet,
          cell: actualRef?.address ?? (row.cells.indicator ?? row.cells.code)?.address,
          indicator: ind.code,
          text: actualRef?.text,
        },
        { ind: indicatorLabel(ind) }
      )
    );
  }
  checkFractionPercent(ind, actual, ctx);
}

/** likely_fraction_percent: 0.0142 typed for 1.42 %. */
function checkFractionPercent(ind: Indicator, actual: ReadValue, ctx: RowContext): void {
  const refTarget =
    ind.kind === "reach_reference" ? (Object.values(ind.reference ?? {})[0] ?? null) : ind.target;
  if (
    normaliseUnit(ind.unit) === "%" &&
    actual.state === "ok" &&
    actual.value !== null &&
    !actual.percent &&
    actual.value > 0 &&
    actual.value < 1 &&
    refTarget !== null &&
    refTarget > 1
  ) {
    ctx.findings.push(
      makeFinding(
        "likely_fraction_percent",
        { sheet: ctx.sheet, cell: actual.address, indicator: ind.code, text: actual.text },
        { ind: indicatorLabel(ind), found: actual.text, expected: refTarget }
      )
    );
  }
}
