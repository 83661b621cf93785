/**
 * A unit's monitoring sheet for one period (SPEC §1: "a template with only the unit's indicators"):
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

/** A template cannot be made: an unknown unit, a period that cannot be read, a unit with nothing to report. */
export class TemplateError extends Error {
  constructor(
    readonly reason: "unknown_unit" | "bad_period" | "nothing_to_report",
    message: string
  ) {
    super(message);
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
  if (ind.kind === "milestone") {
    return {
      kind: "list",
      list: MILESTONE_CHOICES,
      needs: `从下拉列表选择：${MILESTONE_CHOICES.join("、")}`,
    };
  }
  const unit = unitLabel(ind);
  if (isPercent(ind)) {
    const min = ind.min ?? 0;
    const max = ind.max ?? 100;
    return { kind: "percent", min, max, needs: `${min}–${max} 之间的数，单位：%（1.42% 填 1.42）` };
  }
  const min = ind.min ?? 0;
  const range = ind.max !== undefined ? `${min}–${ind.max} 之间的` : `不小于 ${min} 的`;
  if (ind.integer)
    return { kind: "whole", min, max: ind.max, needs: `${range}整数，单位：${unit}` };
  return { kind: "decimal", min, max: ind.max, needs: `${range}数，单位：${unit}` };
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
    prompt: clip(`${what}：${needs}。确不适用的填“不适用”。`, 255),
    errorStyle: "warning",
    error: clip(`应填${needs}。确不适用的，可点“是”后填写“不适用”。`, 255),
  };
}

/** What the actual of the indicator is: a level at the period end, or the year's amount so far. */
function actualWords(ind: Indicator): string {
  if (ind.kind === "milestone") return "本期完成情况";
  return ind.measure === "flow"
    ? "本期完成值（本年1月至报告期末累计）"
    : "本期完成值（截至报告期末）";
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
    case "reach_reference": {
      const ref = ind.reference?.[year];
      return {
        value:
          ref === undefined ? "全省平均水平" : `全省平均水平（${year}年 ${ref}${unitLabel(ind)}）`,
      };
    }
    case "annual_growth":
      // A rate applies to every unit as it is (SPEC §3).
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
  const unit = findUnit(catalogue, unitName);
  if (!unit) {
    throw new TemplateError(
      "unknown_unit",
      `单位“${unitName}”不在指标目录的单位名单中（可选：${catalogue.units.map((u) => u.name).join("、")}）` +
        ` / "${unitName}" is not in the catalogue's unit list`
    );
  }
  const period = parsePeriod(periodText);
  if (!period) {
    throw new TemplateError(
      "bad_period",
      `报告期“${periodText}”无法识别（如 2022Q3、2022年第三季度）/ the period "${periodText}" cannot be read (e.g. 2022Q3)`
    );
  }
  const indicators = indicatorsFor(catalogue, unit);
  if (!indicators.length) {
    throw new TemplateError(
      "nothing_to_report",
      `单位“${unit.name}”没有需要填报的指标 / ${unit.name} reports no indicator`
    );
  }

  const cells: PlanCell[] = [];
  const validations: CellValidation[] = [];
  const unlocked: string[] = [];
  const input = (row: number, col: number) => {
    cells.push({ row, col, value: null, fill: INPUT_FILL });
    unlocked.push(cellAddress(row, col));
  };
  const locked = (row: number, col: number, value: PlanValue, extra: Partial<PlanCell> = {}) =>
    cells.push({ row, col, value, fill: LOCKED_FILL, ...extra });

  // Header block: title, unit and period (locked), the people and the date (filled by the unit).
  cells.push({
    row: 0,
    col: 0,
    value: `${unit.name}${period.label}创新型县建设指标监测表`,
    bold: true,
    size: 14,
    fontColor: TITLE_TEXT,
    align: "center",
  });
  cells.push({ row: 1, col: 0, value: "填报单位", bold: true });
  locked(1, 1, unit.name);
  cells.push({ row: 1, col: 3, value: "报告期", bold: true });
  locked(1, 4, period.label);
  for (const [col, label] of [
    [0, "填表人"],
    [3, "联系电话"],
    [6, "报出日期"],
  ] as const) {
    cells.push({ row: 2, col, value: label, bold: true });
    input(2, col + 1);
  }

  COLUMNS.forEach((h, col) =>
    cells.push({
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

  let row = HEADER_ROW + 1;
  for (const ind of indicators) {
    const share = isShare(ind, unit);
    const numFmt = ind.integer ? "0" : undefined;
    locked(row, COL.code, ind.code);
    locked(row, COL.category, ind.category);
    locked(row, COL.name, ind.name, { wrap: true });
    locked(row, COL.unit, ind.unit || "—", { align: "center" });

    // Baseline: the catalogue's, or the unit's own (its share, or where the catalogue has none).
    if (ind.kind !== "milestone" && (share || ind.baseline === null)) {
      input(row, COL.baseline);
      validations.push(
        validation(ind, cellAddress(row, COL.baseline), `基期值（${ind.baselineDate}）`)
      );
    } else {
      locked(
        row,
        COL.baseline,
        ind.kind === "milestone" ? null : ind.baseline,
        numFmt ? { numFmt } : {}
      );
    }

    const target = targetCell(ind, unit, period.year);
    if (target) {
      locked(
        row,
        COL.target,
        target.value,
        target.numFmt ? { numFmt: target.numFmt } : numFmt ? { numFmt } : {}
      );
    } else {
      input(row, COL.target);
      validations.push(
        validation(ind, cellAddress(row, COL.target), "本单位分解任务（未分解的留空）")
      );
    }

    input(row, COL.actual);
    input(row, COL.previous);
    input(row, COL.remarks);
    validations.push(
      validation(
        ind,
        `${cellAddress(row, COL.actual)}:${cellAddress(row, COL.previous)}`,
        actualWords(ind)
      )
    );
    row++;
  }

  row++;
  const notes = [
    "注1：灰色单元格由指标目录预填，已锁定；请只填写黄色单元格。/ Grey cells come from the catalogue and are locked; fill in the yellow cells.",
    "注2：本期完成值填截至报告期末的数值，年度累计类指标填本年1月至报告期末的累计数；确不适用的填“不适用”。",
    "注3：严重滞后或较上期下降的指标，请在备注中说明原因。",
    `注4：本表依据指标目录版本 ${catalogue.version} 生成。/ Made from catalogue version ${catalogue.version}.`,
  ];
  for (const note of notes) cells.push({ row: row++, col: 0, value: note, fontColor: SUBTLE_TEXT });

  return {
    name: templateSheetName(unit.name, period),
    cells,
    columnWidths: WIDTHS,
    merges: ["A1:I1"],
    freezeRows: HEADER_ROW + 1,
    landscape: true,
    validations,
    protect: true,
    unlocked,
    mode: "create",
  };
}
