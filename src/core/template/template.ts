/**
 * A unit's monitoring sheet for one period (docs/specification.md §1: "a template with only the unit's indicators"):
 * the header block filled in, the indicators the unit reports, the catalogue's baselines and targets
 * pre-filled and locked, and input cells that take only sensible values, each with a message naming
 * its unit of measure. The sheet reads back through the ordinary reader (validate/sheet.ts).
 */
import type { Catalogue, Indicator, UnitEntry } from "../model/catalogue";
import type { CellValidation, PlanCell, PlanSheet, PlanValue } from "../model/plan";
import { cellAddress } from "../model/cells";
import { parsePeriod, type Period } from "../read/period";
import { normaliseUnit } from "../read/units";
import { sameUnit, unitKey } from "../read/match";
import { percentFormat } from "../catalogue/sheet";
import { HEADER_FILL, HEADER_TEXT, SUBTLE_TEXT, TITLE_TEXT } from "../plan/styles";
import { safeSheetName } from "../plan/sheet-name";
import type { Message } from "../i18n/messages";
import { inBoth } from "../i18n/catalogue-messages";
import { TEMPLATE_REFUSED, TEMPLATE_TEXT } from "../i18n/template-messages";

/** A template cannot be made: an unknown unit, a period that cannot be read, a unit with nothing to report. */
export class TemplateError extends Error {
  constructor(
    readonly reason: "unknown_unit" | "bad_period" | "nothing_to_report",
    readonly text: Message
  ) {
    super(inBoth(text));
  }
}

/** Cells the catalogue fills (locked) and cells the unit fills (unlocked). */
const LOCKED_FILL = "#F2F2F2";
const INPUT_FILL = "#FFF2CC";

const MILESTONE_CHOICES = ["已完成", "推进中", "未启动"];

/** Columns of the table, with the header names the reader knows (read/sheet.ts COLUMN_NAMES). */
const COLUMNS = [
  "指标编码",
  "一级指标",
  "指标名称",
  "计量单位",
  "基期值",
  "目标值",
  "本期完成值",
  "上期完成值",
  "备注",
] as const;
const WIDTHS = [9, 14, 34, 10, 12, 14, 14, 14, 30];
const COL = {
  code: 0,
  category: 1,
  name: 2,
  unit: 3,
  baseline: 4,
  target: 5,
  actual: 6,
  previous: 7,
  remarks: 8,
};
const HEADER_ROW = 4;

/** The catalogue's entry for a unit name as people write it (合作市那吾镇 = 那吾镇). */
export function findUnit(catalogue: Catalogue, name: string): UnitEntry | undefined {
  const key = unitKey(name);
  return key ? catalogue.units.find((u) => unitKey(u.name) === key) : undefined;
}

/**
 * What a unit reports: the `owner` indicators it is responsible for and, for a township or a street,
 * every `sum` indicator (its own share) and every `weighted_mean` one (its own average). The city's
 * totals of `sum` and `weighted_mean` indicators come from consolidation, not from their owner.
 */
export function indicatorsFor(catalogue: Catalogue, unit: UnitEntry): Indicator[] {
  const local = unit.kind === "township" || unit.kind === "street";
  return catalogue.indicators.filter((ind) =>
    ind.aggregation === "owner" ? sameUnit(ind.owner, unit.name) : local
  );
}

/** "2022Q3" for a quarter, else the period's own label ("2022年上半年"). */
export function shortPeriod(period: Period): string {
  const q = /^(\d{4})年第([一二三四])季度$/.exec(period.label);
  return q ? `${q[1]}Q${"一二三四".indexOf(q[2]) + 1}` : period.label;
}

export function templateSheetName(unit: string, period: Period): string {
  return safeSheetName(`${unit} ${shortPeriod(period)}`);
}

/** A unit's share of a `sum` indicator: its own baseline, and its own target unless the target is a rate. */
function isShare(ind: Indicator, unit: UnitEntry): boolean {
  return ind.aggregation === "sum" && !sameUnit(ind.owner, unit.name);
}

function isPercent(ind: Indicator): boolean {
  return normaliseUnit(ind.unit) === "%";
}

function unitLabel(ind: Indicator): string {
  return ind.unit === "—" || !ind.unit ? "" : ind.unit;
}

/** The rule and the words of an input cell for values of the indicator. */
function inputRule(
  ind: Indicator
): Omit<CellValidation, "range" | "prompt" | "title"> & { needs: string } {
  if (ind.kind === "milestone")
    return {
      kind: "list",
      list: MILESTONE_CHOICES,
      needs: TEMPLATE_TEXT.choose(MILESTONE_CHOICES),
    };
  if (isPercent(ind)) {
    const min = ind.min ?? 0;
    const max = ind.max ?? 100;
    return { kind: "percent", min, max, needs: TEMPLATE_TEXT.percent(min, max) };
  }
  const min = ind.min ?? 0;
  const needs = TEMPLATE_TEXT.number({
    min,
    max: ind.max,
    unit: unitLabel(ind),
    integer: ind.integer,
  });
  return { kind: ind.integer ? "whole" : "decimal", min, max: ind.max, needs };
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

function validation(ind: Indicator, range: string, what: string): CellValidation {
  const { needs, ...rule } = inputRule(ind);
  return {
    ...rule,
    range,
    title: clip(`${ind.code} ${ind.name}`, 32),
    prompt: clip(TEMPLATE_TEXT.prompt(what, needs), 255),
    errorStyle: "warning",
    error: clip(TEMPLATE_TEXT.error(needs), 255),
  };
}

/** What the actual of the indicator is: a level at the period end, or the year's amount so far. */
function actualWords(ind: Indicator): string {
  if (ind.kind === "milestone") return TEMPLATE_TEXT.actual.milestone;
  return TEMPLATE_TEXT.actual[ind.measure];
}

/** The target cell the catalogue fills, or null when the unit enters its own share. */
function targetCell(
  ind: Indicator,
  unit: UnitEntry,
  year: number
): { value: PlanValue; numFmt?: string } | null {
  switch (ind.kind) {
    case "milestone":
      return { value: "完成" };
    case "reach_reference":
      return { value: TEMPLATE_TEXT.referenceTarget(year, ind.reference?.[year], unitLabel(ind)) };
    case "annual_growth":
      // A rate applies to every unit as it is (docs/specification.md §3).
      return ind.target === null
        ? { value: null }
        : { value: ind.target, numFmt: percentFormat(ind.target) };
    case undefined:
      return { value: null };
    default:
      if (isShare(ind, unit)) return null;
      return { value: ind.target };
  }
}

/**
 * The monitoring sheet of `unitName` for the period `periodText` (2022Q3, 2022年第三季度 …).
 * Throws a TemplateError with a bilingual message when it cannot be made.
 */
export function templateSheet(
  catalogue: Catalogue,
  unitName: string,
  periodText: string
): PlanSheet {
  const { unit, period, indicators } = templateRequest(catalogue, unitName, periodText);
  const t = new TemplateCells();
  writeHeaderBlock(t, unit, period);
  let row = HEADER_ROW + 1;
  for (const ind of indicators) writeIndicatorRow(t, ind, unit, period.year, row++);
  row++;
  for (const note of TEMPLATE_TEXT.notes(catalogue.version))
    t.cells.push({ row: row++, col: 0, value: note, fontColor: SUBTLE_TEXT });
  return {
    name: templateSheetName(unit.name, period),
    cells: t.cells,
    columnWidths: WIDTHS,
    merges: ["A1:I1"],
    freezeRows: HEADER_ROW + 1,
    landscape: true,
    validations: t.validations,
    protect: true,
    unlocked: t.unlocked,
    mode: "create",
  };
}

/** The unit, the period and what the unit reports; a TemplateError when one of them is missing. */
function templateRequest(
  catalogue: Catalogue,
  unitName: string,
  periodText: string
): { unit: UnitEntry; period: Period; indicators: Indicator[] } {
  const unit = findUnit(catalogue, unitName);
  if (!unit) {
    const units = catalogue.units.map((u) => u.name);
    throw new TemplateError("unknown_unit", TEMPLATE_REFUSED.unknownUnit(unitName, units));
  }
  const period = parsePeriod(periodText);
  if (!period) throw new TemplateError("bad_period", TEMPLATE_REFUSED.badPeriod(periodText));
  const indicators = indicatorsFor(catalogue, unit);
  if (!indicators.length)
    throw new TemplateError("nothing_to_report", TEMPLATE_REFUSED.nothingToReport(unit.name));
  return { unit, period, indicators };
}

/** The cells of a template: those the catalogue fills are locked, those the unit fills are not. */
class TemplateCells {
  readonly cells: PlanCell[] = [];
  readonly validations: CellValidation[] = [];
  readonly unlocked: string[] = [];

  input(row: number, col: number): void {
    this.cells.push({ row, col, value: null, fill: INPUT_FILL });
    this.unlocked.push(cellAddress(row, col));
  }

  locked(row: number, col: number, value: PlanValue, extra: Partial<PlanCell> = {}): void {
    this.cells.push({ row, col, value, fill: LOCKED_FILL, ...extra });
  }
}

/** Title, unit and period (locked), the people and the date (filled by the unit), the table's header. */
function writeHeaderBlock(t: TemplateCells, unit: UnitEntry, period: Period): void {
  t.cells.push({
    row: 0,
    col: 0,
    value: TEMPLATE_TEXT.title(unit.name, period.label),
    bold: true,
    size: 14,
    fontColor: TITLE_TEXT,
    align: "center",
  });
  t.cells.push({ row: 1, col: 0, value: "填报单位", bold: true });
  t.locked(1, 1, unit.name);
  t.cells.push({ row: 1, col: 3, value: "报告期", bold: true });
  t.locked(1, 4, period.label);
  for (const [col, label] of [
    [0, "填表人"],
    [3, "联系电话"],
    [6, "报出日期"],
  ] as const) {
    t.cells.push({ row: 2, col, value: label, bold: true });
    t.input(2, col + 1);
  }
  COLUMNS.forEach((h, col) =>
    t.cells.push({
      row: HEADER_ROW,
      col,
      value: h,
      bold: true,
      fill: HEADER_FILL,
      fontColor: HEADER_TEXT,
      align: "center",
      wrap: true,
    })
  );
}

/** One indicator's row: what the catalogue knows locked, the unit's figures as input cells. */
function writeIndicatorRow(
  t: TemplateCells,
  ind: Indicator,
  unit: UnitEntry,
  year: number,
  row: number
): void {
  const share = isShare(ind, unit);
  const numFmt = ind.integer ? "0" : undefined;
  t.locked(row, COL.code, ind.code);
  t.locked(row, COL.category, ind.category);
  t.locked(row, COL.name, ind.name, { wrap: true });
  t.locked(row, COL.unit, ind.unit || "—", { align: "center" });

  // Baseline: the catalogue's, or the unit's own (its share, or where the catalogue has none).
  if (ind.kind !== "milestone" && (share || ind.baseline === null)) {
    t.input(row, COL.baseline);
    const what = TEMPLATE_TEXT.baseline(ind.baselineDate);
    t.validations.push(validation(ind, cellAddress(row, COL.baseline), what));
  } else {
    const baseline = ind.kind === "milestone" ? null : ind.baseline;
    t.locked(row, COL.baseline, baseline, numFmt ? { numFmt } : {});
  }

  const target = targetCell(ind, unit, year);
  if (target) {
    const format = target.numFmt ?? numFmt;
    t.locked(row, COL.target, target.value, format ? { numFmt: format } : {});
  } else {
    t.input(row, COL.target);
    t.validations.push(validation(ind, cellAddress(row, COL.target), TEMPLATE_TEXT.share));
  }

  t.input(row, COL.actual);
  t.input(row, COL.previous);
  t.input(row, COL.remarks);
  const figures = `${cellAddress(row, COL.actual)}:${cellAddress(row, COL.previous)}`;
  t.validations.push(validation(ind, figures, actualWords(ind)));
}
