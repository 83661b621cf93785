/**
 * Validating one monitoring sheet (docs/specification.md §4) and scoring its rows (docs/specification.md §5).
 * Validation never changes a value; it reads, judges and reports.
 */
import type { SheetGrid } from "../model/cells";
import type { Catalogue, Indicator } from "../model/catalogue";
import type { Finding, IndicatorResult } from "../model/results";
import { readSheet, type ReadOptions, type ReadSheet, type SheetRow } from "../read/sheet";
import { type Period } from "../read/period";
import { isoYear } from "../util/dates";
import {
  indexCatalogue,
  matchIndicator,
  canonicalUnitName,
  type IndicatorIndex,
} from "../read/match";

import { makeFinding } from "./rules";

import { indicatorLabel, type ReadValue } from "./interpret";
import { checkUnitTables, layoutFindings } from "./units-table";
import { unitNamedBySheet, resolvePeriod } from "./sheet-period";
import { readRow, type RowContext } from "./row-read";
import { checkRows } from "./row-checks";

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
    const at = { sheet: grid.name };
    return emptyCheck(read, [makeFinding("sheet_not_recognised", at, { notFound: read.notFound })]);
  }
  if (read.unitTables.length)
    return checkUnitTables(read, { catalogue, index, options, checkRead });
  const check = checkRead(read, catalogue, index, options);
  const chosen = layoutFindings(read.sheet, read.tables);
  if (chosen.length) check.findings.unshift(...chosen);
  return check;
}

/** A check of a sheet read, before its unit, period and rows are known. */
function emptyCheck(read: ReadSheet, findings: Finding[]): SheetCheck {
  return {
    sheet: read.sheet,
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
}

/**
 * The checks of a sheet read: unit, period, each indicator row's values, and the rules between
 * rows.
 */
export function checkRead(
  read: ReadSheet,
  catalogue: Catalogue,
  index: IndicatorIndex,
  options: CheckOptions
): SheetCheck {
  const sheet = read.sheet;
  const findings: Finding[] = [];
  const { unit, unitCanonical, period, asOf } = sheetIdentity(read, catalogue, options, findings);
  const reportYear = period?.year ?? (asOf ? isoYear(asOf) : null);
  const rows = readIndicatorRows(index, { read, sheet, reportYear, asOf, findings });
  const results = checkRows(rows, { sheet, catalogue, index, unit, asOf, findings });
  return {
    ...emptyCheck(read, findings),
    unit,
    unitCanonical,
    period,
    asOf,
    rows,
    rowCount: rows.length,
    results,
  };
}

/** Who reports and for when: the unit (as typed and as the catalogue spells it) and the period. */
function sheetIdentity(
  read: ReadSheet,
  catalogue: Catalogue,
  options: CheckOptions,
  findings: Finding[]
): Pick<SheetCheck, "unit" | "unitCanonical" | "period" | "asOf"> {
  const sheet = read.sheet;
  const unitMeta = read.meta.unit;
  const unit = unitMeta?.text ? unitMeta.text : unitNamedBySheet(catalogue, read.title, sheet);
  if (!unit) findings.push(makeFinding("missing_reporting_unit", { sheet }));
  const { period, asOf } = resolvePeriod(read, options.asOf);
  if (!asOf) {
    const label = read.meta.period;
    findings.push(
      makeFinding("missing_period", { sheet, cell: label?.address, text: label?.text })
    );
  }
  const unitCanonical = unit ? (canonicalUnitName(catalogue, unit) ?? unit) : null;
  return { unit, unitCanonical, period, asOf };
}

/**
 * The rows of known indicators, each read once: an unknown, ambiguous or repeated row is a
 * finding.
 */
function readIndicatorRows(index: IndicatorIndex, ctx: RowContext): RowData[] {
  const rows: RowData[] = [];
  const seen = new Map<string, SheetRow>();
  for (const row of ctx.read.rows) {
    const ind = rowIndicator(row, index, seen, ctx);
    if (!ind) continue;
    seen.set(ind.code, row);
    rows.push(readRow(row, ind, ctx));
  }
  return rows;
}

/** The indicator a row names, or null with a finding when there is none to read it as. */
function rowIndicator(
  row: SheetRow,
  index: IndicatorIndex,
  seen: Map<string, SheetRow>,
  ctx: RowContext
): Indicator | null {
  const { sheet, findings } = ctx;
  const ind = matchIndicator(index, row.code, row.name);
  const cell = (row.cells.indicator ?? row.cells.code)?.address;
  if (!ind) {
    findings.push(makeFinding("unknown_indicator", { sheet, cell, text: row.name || row.code }));
    return null;
  }
  // A code of one indicator beside the name of another ("C1 | 专利申请量"): which one the figures
  // belong to cannot be told, so the row is not read.
  const named = row.code && row.name ? matchIndicator(index, "", row.name) : undefined;
  if (named && named !== ind) {
    const at = { sheet, cell, text: `${row.code} ${row.name}` };
    const args = { ind: indicatorLabel(ind), other: indicatorLabel(named) };
    findings.push(makeFinding("unknown_indicator", at, args));
    return null;
  }
  const first = seen.get(ind.code);
  if (first) {
    // The first row, by its name's cell; by its number where it has none.
    const other = (first.cells.indicator ?? first.cells.code)?.address;
    const at = { sheet, cell, indicator: ind.code, text: row.name || row.code };
    const args = { ind: indicatorLabel(ind), other, row: first.row + 1 };
    findings.push(makeFinding("duplicate_indicator", at, args));
    return null;
  }
  return ind;
}
