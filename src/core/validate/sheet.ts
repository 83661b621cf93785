/**
 * Validating one monitoring sheet (SPEC §4) and scoring its rows (SPEC §5).
 * Validation never changes a value; it reads, judges and reports.
 */
import { isBlank, type SheetGrid } from "../model/cells";
import type { Catalogue, Indicator } from "../model/catalogue";
import type { Finding, IndicatorResult } from "../model/results";
import {
  readSheet,
  type ReadOptions,
  type ReadSheet,
  type SheetRow,
  type CellRef,
  type ColumnKey,
} from "../read/sheet";
import { type Period } from "../read/period";
import { parseValue } from "../read/values";

import { convertUnit, normaliseUnit, parseUnit, unitsCompatible } from "../read/units";
import {
  indexCatalogue,
  matchIndicator,
  canonicalUnitName,
  type IndicatorIndex,
} from "../read/match";

import { makeFinding } from "./rules";

import {
  readValueCell,
  readValue,
  checkRange,
  indicatorLabel,
  NO_VALUE,
  type ReadValue,
} from "./interpret";
import { checkUnitTables, layoutFindings } from "./units-table";
import { previousDate, unitNamedBySheet, resolvePeriod, periodOfHeader } from "./sheet-period";
import {
  checkAgainstPrevious,
  checkCatalogueValues,
  checkRatios,
  checkReference,
  checkRemarks,
  checkResponsible,
  scoreRow,
} from "./row-checks";

export interface RowData {
  row: SheetRow;
  indicator: Indicator;
  actual: ReadValue;
  baseline: ReadValue;
  target: ReadValue;
  previous: ReadValue;
  /** Earlier observations (previous column, earlier year columns), canonical unit. */
  history: { date: string; value: number }[];
  remarks: string;
  /** An error finding on this row. */
  hasError: boolean;
}

export interface SheetCheck {
  sheet: string;
  read: ReadSheet;
  recognised: boolean;
  /** The reporting unit as typed, and as the catalogue spells it when it knows it. */
  unit: string | null;
  unitCanonical: string | null;
  period: Period | null;
  asOf: string | null;
  rows: RowData[];
  /** How many indicator rows were read (also when `rows` has been let go). */
  rowCount: number;
  findings: Finding[];
  results: IndicatorResult[];
  /**
   * A sheet holding a table of units as rows: one check per unit's row, each that unit's report for
   * the sheet's period (the engine and consolidation take them one by one); this check holds them all.
   */
  parts?: SheetCheck[];
  /** In a part: the check of the whole sheet it belongs to (approved, and fingerprinted, as one). */
  whole?: SheetCheck;
}

export interface CheckOptions {
  /** Overrides the sheet's period (the command line's --as-of). */
  asOf?: string;
  /** Reuse an index across sheets. */
  index?: IndicatorIndex;
}

/** The year of the catalogue's deadlines, when they all fall in one (the plan's 2023). */
function targetYear(catalogue: Catalogue): number | undefined {
  const years = new Set(catalogue.indicators.map((i) => i.deadline.slice(0, 4)));
  return years.size === 1 ? Number([...years][0]) : undefined;
}

/**
 * The target year, remembered with the catalogue's index: a workbook's thousands of sheets share one
 * index, built from the catalogue as it is for that run (a catalogue edited later gets a new index).
 */
const targetYears = new WeakMap<IndicatorIndex, number | undefined>();

function indexedTargetYear(index: IndicatorIndex, catalogue: Catalogue): number | undefined {
  if (!targetYears.has(index)) targetYears.set(index, targetYear(catalogue));
  return targetYears.get(index);
}

/** What the reader is told of the catalogue: its indicators' names and codes, its units, its target year. */
const readOptionsOf = new WeakMap<IndicatorIndex, ReadOptions>();

function readOptions(index: IndicatorIndex, catalogue: Catalogue): ReadOptions {
  let options = readOptionsOf.get(index);
  if (!options) {
    options = {
      isIndicator: (name) => matchIndicator(index, "", name) !== undefined,
      // A code (A1, C9a) or a name: the same indicator under either is one.
      indicatorOf: (text) => matchIndicator(index, text, text)?.code,
      isUnit: (name) => canonicalUnitName(catalogue, name) !== undefined,
      targetYear: indexedTargetYear(index, catalogue),
    };
    readOptionsOf.set(index, options);
  }
  return options;
}

export function checkSheet(
  grid: SheetGrid,
  catalogue: Catalogue,
  options: CheckOptions = {}
): SheetCheck {
  const index = options.index ?? indexCatalogue(catalogue);
  const read = readSheet(grid, readOptions(index, catalogue));
  if (!read.recognised) {
    const findings = [
      makeFinding("sheet_not_recognised", { sheet: grid.name }, { notFound: read.notFound }),
    ];
    return {
      sheet: grid.name,
      read,
      recognised: false,
      unit: null,
      unitCanonical: null,
      period: null,
      asOf: null,
      rows: [],
      rowCount: 0,
      findings,
      results: [],
    };
  }
  if (read.unitTables.length)
    return checkUnitTables(read, { catalogue, index, options, checkRead });
  const check = checkRead(read, catalogue, index, options);
  const chosen = layoutFindings(read.sheet, read.tables);
  if (chosen.length) check.findings.unshift(...chosen);
  return check;
}

/** The checks of a sheet read: unit, period, each indicator row's values, and the rules between rows. */
export function checkRead(
  read: ReadSheet,
  catalogue: Catalogue,
  index: IndicatorIndex,
  options: CheckOptions
): SheetCheck {
  const sheet = read.sheet;
  const findings: Finding[] = [];
  const base: SheetCheck = {
    sheet,
    read,
    recognised: read.recognised,
    unit: null,
    unitCanonical: null,
    period: null,
    asOf: null,
    rows: [],
    rowCount: 0,
    findings,
    results: [],
  };
  const unitMeta = read.meta.unit;
  const unit = unitMeta?.text ? unitMeta.text : unitNamedBySheet(catalogue, read.title, sheet);
  if (!unit) findings.push(makeFinding("missing_reporting_unit", { sheet }));
  const { period, asOf } = resolvePeriod(read, options.asOf);
  if (!asOf) {
    findings.push(
      makeFinding("missing_period", {
        sheet,
        cell: read.meta.period?.address,
        text: read.meta.period?.text,
      })
    );
  }
  const reportYear = period?.year ?? (asOf ? Number(asOf.slice(0, 4)) : null);
  const unitCanonical = unit ? (canonicalUnitName(catalogue, unit) ?? unit) : null;

  const rows: RowData[] = [];
  const seen = new Map<string, SheetRow>();
  for (const row of read.rows) {
    const ind = matchIndicator(index, row.code, row.name);
    const nameRef = row.cells.indicator ?? row.cells.code;
    if (!ind) {
      findings.push(
        makeFinding("unknown_indicator", {
          sheet,
          cell: nameRef?.address,
          text: row.name || row.code,
        })
      );
      continue;
    }
    // A code of one indicator beside the name of another ("C1 | 专利申请量"): which one the figures
    // belong to cannot be told, so the row is not read.
    const named = row.code && row.name ? matchIndicator(index, "", row.name) : undefined;
    if (named && named !== ind) {
      findings.push(
        makeFinding(
          "unknown_indicator",
          { sheet, cell: nameRef?.address, text: `${row.code} ${row.name}` },
          { ind: indicatorLabel(ind), other: indicatorLabel(named) }
        )
      );
      continue;
    }
    const first = seen.get(ind.code);
    if (first) {
      const firstAddr =
        (first.cells.indicator ?? first.cells.code)?.address ?? `row ${first.row + 1}`;
      findings.push(
        makeFinding(
          "duplicate_indicator",
          { sheet, cell: nameRef?.address, indicator: ind.code, text: row.name || row.code },
          { ind: indicatorLabel(ind), other: firstAddr }
        )
      );
      continue;
    }
    seen.set(ind.code, row);
    rows.push(readRow(row, ind, read, reportYear, asOf, sheet, findings));
  }

  const ctx = { sheet, catalogue, index, unit, asOf, findings };
  for (const r of rows) checkCatalogueValues(r, ctx);
  checkRatios(rows, ctx);
  for (const r of rows) checkAgainstPrevious(r, ctx);
  if (unit) for (const r of rows) checkResponsible(r, ctx);

  if (asOf) for (const r of rows) checkReference(r, asOf, ctx);
  // Every rule that can make an error has run: a row with one is scored as invalid.
  const withError = new Set<string | undefined>();
  for (const f of findings) if (f.severity === "error") withError.add(f.indicator);
  for (const r of rows) r.hasError = withError.has(r.indicator.code);
  const results = asOf ? rows.filter((r) => r.indicator.kind).map((r) => scoreRow(r, ctx)) : [];
  for (const res of results) checkRemarks(res, rows, ctx);
  return {
    ...base,
    unit,
    unitCanonical,
    period,
    asOf,
    rows,
    rowCount: rows.length,
    findings,
    results,
  };
}

/** What a unit column holds for a row without a unit of measure. */
const NO_UNIT = new Set(["—", "-", "/", "无"]);

function readRow(
  row: SheetRow,
  ind: Indicator,
  read: ReadSheet,
  reportYear: number | null,
  asOf: string | null,
  sheet: string,
  findings: Finding[]
): RowData {
  const table = read.tables[row.table];
  const start = findings.length;
  const label = indicatorLabel(ind);
  const spoiled = (at: { address: string; text: string }, found: string): RowData => {
    findings.push(
      makeFinding(
        "unit_mismatch",
        { sheet, cell: at.address, indicator: ind.code, text: at.text },
        { ind: label, found, expected: ind.unit }
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
  };

  // The unit of measure: the unit column's; else the one in the indicator's name ("优质青稞种植面积（万亩）");
  // else the table's ("单位：万亩" above it). A column's header may name its own ("本期完成值（万亩）").
  let unitAt: { address: string; text: string } | undefined = row.cells.unit;
  let rowUnit = unitAt?.text ? normaliseUnit(unitAt.text) : "";
  if (NO_UNIT.has(rowUnit)) rowUnit = "";
  const named = unitInName(row);
  if (ind.kind !== "milestone") {
    // Two units that disagree: the sheet must say which one it means.
    if (named && rowUnit && !sameMeasure(named.unit, rowUnit))
      return spoiled(unitAt!, `${named.unit} ≠ ${unitAt!.text}`);
    for (const key of VALUE_COLUMNS) {
      const own = table.units[key];
      const given = rowUnit || named?.unit;
      if (own && given && row.cells[key]?.text && !sameMeasure(own, given)) {
        return spoiled(unitAt ?? named!.ref, `${own} ≠ ${given}`);
      }
    }
  }
  // The unit as written, for the message.
  let unitText = unitAt?.text ?? "";
  if (!rowUnit && named) {
    rowUnit = unitText = named.unit;
    unitAt = named.ref;
  }
  const measure = read.meta.measure;
  if (!rowUnit && measure) {
    rowUnit = normaliseUnit(measure.text);
    unitAt = measure;
    unitText = measure.text;
  }

  rowUnit = withImpliedPer(rowUnit, ind);

  // A unit that does not convert spoils every value of the row: one finding, at the unit cell.
  if (rowUnit && ind.kind !== "milestone" && !unitConverts(rowUnit, ind.unit))
    return spoiled(unitAt!, unitText);
  const unitOf = (key: ColumnKey) => withImpliedPer(table.units[key] ?? rowUnit, ind);

  // Wide layout: the report year's column is the actual; earlier years are history.
  let actualRef: CellRef | undefined = row.cells.actual;
  const history: { date: string; value: number }[] = [];
  const historyRefs: { year: number; ref: CellRef }[] = [];
  if (row.years.length) {
    const year =
      reportYear ?? Math.max(...row.years.filter((y) => y.ref.text).map((y) => y.year), 0);
    const hit = row.years.find((y) => y.year === year);
    if (!actualRef && hit) actualRef = hit.ref;
    else if (!actualRef && !hit && row.years.length) actualRef = undefined;
    for (const y of row.years) if (y.year < year) historyRefs.push(y);
  }
  // Period columns ("一季度 | 二季度 | 三季度"): the sheet's period is the actual, earlier periods are history.
  const periodHistory: { date: string; ref: CellRef }[] = [];
  if (row.periods.length && !actualRef) {
    for (const p of row.periods) {
      const end = periodOfHeader(p.header, reportYear);
      if (end && asOf && end === asOf) actualRef = p.ref;
      else if (end && asOf && end < asOf) periodHistory.push({ date: end, ref: p.ref });
    }
  }
  // Without a baseline column, the column of the baseline's year ("2020", "2020年底") is the baseline.
  let baselineRef = row.cells.baseline;
  if (!baselineRef) {
    const at = historyRefs.findIndex((h) => h.year === Number(ind.baselineDate.slice(0, 4)));
    if (at >= 0) baselineRef = historyRefs.splice(at, 1)[0].ref;
  }
  const actual = actualRef
    ? readValueCell(
        actualRef,
        ind,
        actualRef === row.cells.actual ? unitOf("actual") : rowUnit,
        sheet,
        findings
      )
    : NO_VALUE;
  const baseline = readValueCell(
    baselineRef,
    ind,
    baselineRef === row.cells.baseline ? unitOf("baseline") : rowUnit,
    sheet,
    findings
  );
  const target = readTarget(row.cells.target, ind, unitOf("target"), sheet, findings);
  const previous = readValueCell(row.cells.previous, ind, unitOf("previous"), sheet, findings);
  for (const h of historyRefs) {
    const v = readValueCell(h.ref, ind, rowUnit, sheet, findings);
    if (v.state === "ok" && v.value !== null)
      history.push({ date: `${h.year}-12-31`, value: v.value });
  }
  for (const h of periodHistory) {
    const v = readValueCell(h.ref, ind, unitOf("actual"), sheet, findings);
    if (v.state === "ok" && v.value !== null) history.push({ date: h.date, value: v.value });
  }
  if (previous.state === "ok" && previous.value !== null && asOf) {
    const yearAgo = /上年/.test(table.headers.previous ?? "");
    history.push({ date: previousDate(asOf, yearAgo), value: previous.value });
  }
  checkRange(actual, ind, sheet, findings);
  checkRange(baseline, ind, sheet, findings);
  checkRange(previous, ind, sheet, findings);

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
        { ind: label }
      )
    );
  }
  // likely_fraction_percent: 0.0142 typed for 1.42 %.
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
    findings.push(
      makeFinding(
        "likely_fraction_percent",
        { sheet, cell: actual.address, indicator: ind.code, text: actual.text },
        { ind: label, found: actual.text, expected: refTarget }
      )
    );
  }
  let hasError = false;
  for (let i = start; i < findings.length && !hasError; i++)
    hasError = findings[i].severity === "error";
  return {
    row,
    indicator: ind,
    actual,
    baseline,
    target,
    previous,
    history,
    remarks: row.cells.remarks?.text ?? "",
    hasError,
  };
}

/** A unit of measure in brackets at the end of the indicator's name, when it is one. */
function unitInName(row: SheetRow): { unit: string; ref: CellRef } | null {
  const ref = row.cells.indicator;
  const m = ref ? /[（(]([^（）()]{1,8})[)）]\s*$/.exec(ref.text) : null;
  if (!ref || !m || !parseUnit(m[1])) return null;
  return { unit: normaliseUnit(m[1]), ref };
}

/**
 * A unit written without the "per" that the indicator's name says: 公斤 in the row of 青稞亩均产量
 * (斤/亩) is 公斤/亩, 件 in the row of 每万人发明专利拥有量 is 件/万人; and 元/人 for a 人均 amount is 元.
 */
function withImpliedPer(unit: string, ind: Indicator): string {
  if (!unit || unitConverts(unit, ind.unit)) return unit;
  const slash = ind.unit.indexOf("/");
  if (slash > 0) {
    const per = ind.unit.slice(slash + 1);
    const says = ind.name.includes(`${per}均`) || ind.name.includes(`每${per}`);
    if (says && unitConverts(unit, ind.unit.slice(0, slash))) return `${unit}/${per}`;
  }
  if (
    unit.endsWith("/人") &&
    ind.name.includes("人均") &&
    unitConverts(unit.slice(0, -2), ind.unit)
  )
    return unit.slice(0, -2);
  return unit;
}

/** The value columns whose header may name a unit of measure. */
const VALUE_COLUMNS: readonly ColumnKey[] = ["baseline", "target", "actual", "previous"];

/** Two spellings of the same unit of measure (公斤/亩 and kg/亩). */
function sameMeasure(a: string, b: string): boolean {
  const f = convertUnit(1, a, b);
  return f !== null && Math.abs(f - 1) < 1e-9;
}

function unitConverts(unit: string, canonical: string): boolean {
  return unitsCompatible(unit, canonical);
}

/** A target cell: a number, or for growth kinds a rate ("3%", "年递增3%"), or text ("全省平均水平") that is not judged. */
function readTarget(
  ref: CellRef | undefined,
  ind: Indicator,
  rowUnit: string,
  sheet: string,
  findings: Finding[]
): ReadValue {
  if (!ref || isBlank(ref.cell)) return NO_VALUE;
  if (ind.kind === "milestone" || ind.kind === "reach_reference")
    return readValue(ref, "no_data", null);
  if (ind.kind === "annual_growth") {
    const p = parseValue(ref.cell);
    const m = /(-?\d+(?:\.\d+)?)\s*[%％]/.exec(ref.text);
    if (m) return readValue(ref, "ok", Number(m[1]) / 100, true);
    if (p.kind === "number" && p.percent) return readValue(ref, "ok", p.value / 100, true);
    // An absolute target for a growth indicator is not the rate the catalogue holds: read it, do not compare it.
    const scratch: Finding[] = [];
    const v = readValueCell(ref, ind, rowUnit, sheet, scratch);
    return readValue(ref, v.state === "ok" ? "no_data" : v.state, v.value, false, v.approx);
  }
  return readValueCell(ref, ind, rowUnit, sheet, findings);
}
