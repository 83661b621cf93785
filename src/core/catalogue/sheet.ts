/**
 * The catalogue as an editable sheet (指标规则): the office changes targets, baselines, weights,
 * owners, reference values and the unit list there, without code. `catalogueToSheet` writes it;
 * `catalogueFromGrid` (sheet-read.ts) reads it back, the same catalogue for the same sheet.
 */
import type { Catalogue, Indicator, UnitEntry } from "../model/catalogue";
import type { CellValidation, PlanCell, PlanSheet, PlanValue } from "../model/plan";
import { columnLetters } from "../model/cells";
import { roundScaledPercent } from "../util/round";
import { HEADER_FILL, HEADER_TEXT, SUBTLE_TEXT, TITLE_TEXT } from "../plan/styles";
import { inBoth, RULES_SHEET_TEXT } from "../i18n/catalogue-messages";
import {
  AGGREGATION_WORDS,
  INDICATOR_BLOCK,
  KIND_WORDS,
  MEASURE_WORDS,
  NO,
  REFERENCE_BLOCK,
  RULES_SHEET,
  SETTINGS,
  SETTING_BLOCK,
  UNIT_BLOCK,
  UNIT_KIND_WORDS,
  YES,
  headerText,
  wordFor,
  type Block,
  type IndicatorField,
  type Word,
} from "./sheet-layout";

export { RULES_SHEET } from "./sheet-layout";
export { catalogueFromGrid } from "./sheet-read";

/** The text written in the target cell of kinds whose target is not a number. */
const TARGET_TEXT: Partial<Record<NonNullable<Indicator["kind"]>, string>> = {
  milestone: "完成",
  reach_reference: "见参考值",
};

const TITLE_FILL = "#DDEBF7";
/**
 * Rows under the unit list (the last block) that get its drop-down too, for units the office adds.
 * Rows inserted inside a block take its drop-downs from Excel itself.
 */
const SPARE_UNIT_ROWS = 30;

/** "3%" for 0.03, "2.5%" for 0.025: the shortest percent format that shows the rate exactly. */
export function percentFormat(fraction: number): string {
  const points = roundScaledPercent(fraction * 100);
  const decimals = (String(points).split(".")[1] ?? "").length;
  return decimals === 0 ? "0%" : `0.${"0".repeat(Math.min(decimals, 6))}%`;
}

function indicatorValue(
  ind: Indicator,
  field: IndicatorField
): { value: PlanValue; numFmt?: string } {
  switch (field) {
    case "code":
      return { value: ind.code };
    case "name":
      return { value: ind.name };
    case "aliases":
      return { value: ind.aliases.join("；") };
    case "category":
      return { value: ind.category };
    case "unit":
      return { value: ind.unit };
    case "kind":
      return { value: ind.kind ? wordFor(KIND_WORDS, ind.kind) : "" };
    case "target":
      if (ind.kind && TARGET_TEXT[ind.kind]) return { value: TARGET_TEXT[ind.kind]! };
      if (ind.target === null) return { value: null };
      // A growth rate is shown as a percent (3%) and read back as the fraction 0.03.
      return ind.kind === "annual_growth"
        ? { value: ind.target, numFmt: percentFormat(ind.target) }
        : { value: ind.target };
    case "baseline":
      return { value: ind.baseline };
    case "baselineDate":
      return { value: ind.baselineDate };
    case "deadline":
      return { value: ind.deadline };
    case "weight":
      return { value: ind.weight };
    case "aggregation":
      return { value: wordFor(AGGREGATION_WORDS, ind.aggregation) };
    case "weightBy":
      return { value: ind.weightBy ?? "" };
    case "measure":
      return { value: wordFor(MEASURE_WORDS, ind.measure) };
    case "owner":
      return { value: ind.owner };
    case "coUnits":
      return { value: ind.coUnits.join("、") };
    case "min":
      return { value: ind.min ?? null };
    case "max":
      return { value: ind.max ?? null };
    case "integer":
      return { value: ind.integer ? YES : "" };
    case "cumulative":
      return { value: ind.cumulative ? YES : "" };
    case "ratioNumerator":
      return { value: ind.ratio?.numerator ?? "" };
    case "ratioDenominator":
      return { value: ind.ratio?.denominator ?? "" };
    case "ratioFactor":
      return { value: ind.ratio ? ind.ratio.factor : null };
  }
}

/** A1 range of one column over rows [from, to] (0-based). */
function columnRange(col: number, from: number, to: number): string {
  const c = columnLetters(col);
  return `${c}${from + 1}:${c}${to + 1}`;
}

class SheetWriter {
  readonly cells: PlanCell[] = [];
  readonly validations: CellValidation[] = [];
  row = 0;

  put(cell: PlanCell): void {
    if (cell.value === null || cell.value === "") {
      if (!cell.fill && !cell.numFmt) return;
    }
    this.cells.push(cell);
  }

  title(text: string): void {
    this.put({
      row: this.row,
      col: 0,
      value: text,
      bold: true,
      fontColor: TITLE_TEXT,
      fill: TITLE_FILL,
    });
    this.row++;
  }

  header<F extends string>(block: Block<F>): number {
    const at = this.row;
    block.columns.forEach((c, i) =>
      this.put({
        row: at,
        col: block.offset + i,
        value: headerText(c),
        bold: true,
        fill: HEADER_FILL,
        fontColor: HEADER_TEXT,
        align: "center",
        wrap: true,
      })
    );
    this.row++;
    return at;
  }

  /** A drop-down on a column of a block, over its rows and the spare rows under them. */
  choices<F extends string>(
    block: Block<F>,
    field: F,
    rows: [number, number],
    list: string[]
  ): void {
    const i = block.columns.findIndex((c) => c.field === field);
    const column = block.columns[i];
    this.validations.push({
      range: columnRange(block.offset + i, rows[0], rows[1]),
      kind: "list",
      list,
      title: `${column.zh} ${column.en}`,
      prompt: inBoth(RULES_SHEET_TEXT.choosePrompt),
      error: inBoth(RULES_SHEET_TEXT.chooseError),
    });
  }
}

/** The catalogue as the sheet 指标规则: the indicator table, then tolerances, reference values and units. */
export function catalogueToSheet(catalogue: Catalogue): PlanSheet {
  const w = new SheetWriter();
  writeIntro(w, catalogue.version);
  writeIndicators(w, catalogue.indicators);
  writeSettings(w, catalogue);
  writeReferences(w, catalogue.indicators);
  writeUnits(w, catalogue.units);
  return {
    name: RULES_SHEET,
    cells: w.cells,
    columnWidths: INDICATOR_BLOCK.columns.map((c) => c.width ?? 10),
    validations: w.validations,
    landscape: true,
  };
}

/** The sheet's title, its version and how its cells are filled in. */
function writeIntro(w: SheetWriter, version: string): void {
  const title = inBoth(RULES_SHEET_TEXT.title);
  w.put({ row: w.row++, col: 0, value: title, bold: true, size: 14, fontColor: TITLE_TEXT });
  const versionLine = inBoth(RULES_SHEET_TEXT.version(version));
  w.put({ row: w.row++, col: 0, fontColor: SUBTLE_TEXT, value: versionLine });
  const howTo = RULES_SHEET_TEXT.howTo(KIND_WORDS.map((k) => k.zh));
  w.put({ row: w.row++, col: 0, fontColor: SUBTLE_TEXT, value: howTo });
  w.row++;
}

/** One row per indicator, with drop-downs on its coded columns. */
function writeIndicators(w: SheetWriter, indicators: Indicator[]): void {
  w.title(INDICATOR_BLOCK.title);
  w.header(INDICATOR_BLOCK);
  const first = w.row;
  for (const ind of indicators) {
    INDICATOR_BLOCK.columns.forEach((c, i) => {
      const { value, numFmt } = indicatorValue(ind, c.field);
      w.put({
        row: w.row,
        col: INDICATOR_BLOCK.offset + i,
        value,
        ...(numFmt ? { numFmt } : {}),
        ...(c.field === "aliases" || c.field === "name" ? { wrap: true } : {}),
      });
    });
    w.row++;
  }
  const rows: [number, number] = [first, Math.max(first, w.row - 1)];
  const zh = <T extends string>(words: Word<T>[]) => words.map((k) => k.zh);
  w.choices(INDICATOR_BLOCK, "kind", rows, zh(KIND_WORDS));
  w.choices(INDICATOR_BLOCK, "aggregation", rows, zh(AGGREGATION_WORDS));
  w.choices(INDICATOR_BLOCK, "measure", rows, zh(MEASURE_WORDS));
  w.choices(INDICATOR_BLOCK, "integer", rows, [YES, NO]);
  w.choices(INDICATOR_BLOCK, "cumulative", rows, [YES, NO]);
  w.row++;
}

/** Tolerances and due days: one row per setting, with its note. */
function writeSettings(w: SheetWriter, catalogue: Catalogue): void {
  w.title(SETTING_BLOCK.title);
  w.header(SETTING_BLOCK);
  const settingValues = {
    onTrack: catalogue.tolerances.onTrack,
    lagging: catalogue.tolerances.lagging,
    dueDays: catalogue.dueDays,
  };
  for (const s of SETTINGS) {
    const value = settingValues[s.key];
    const o = SETTING_BLOCK.offset;
    w.put({ row: w.row, col: o, value: `${s.zh}\n${s.en}`, wrap: true });
    w.put({
      row: w.row,
      col: o + 1,
      value,
      ...(s.key === "dueDays" ? {} : { numFmt: percentFormat(value) }),
      align: "left",
    });
    w.put({ row: w.row, col: o + 2, value: s.note, fontColor: SUBTLE_TEXT });
    w.row++;
  }
  w.row++;
}

/** Reference values by year: one row per indicator and year, the years in order. */
function writeReferences(w: SheetWriter, indicators: Indicator[]): void {
  w.title(REFERENCE_BLOCK.title);
  w.header(REFERENCE_BLOCK);
  for (const ind of indicators) {
    const years = Object.keys(ind.reference ?? {})
      .map(Number)
      .sort((a, b) => a - b);
    for (const year of years) {
      const values: Record<string, PlanValue> = {
        code: ind.code,
        year,
        name: ind.name,
        value: ind.reference![year],
      };
      REFERENCE_BLOCK.columns.forEach((c, i) =>
        w.put({
          row: w.row,
          col: REFERENCE_BLOCK.offset + i,
          value: values[c.field],
          ...(c.field === "year" ? { align: "left" as const } : {}),
        })
      );
      w.row++;
    }
  }
  w.row++;
}

/** The unit list, its kind a drop-down that reaches below it for units the office adds. */
function writeUnits(w: SheetWriter, units: UnitEntry[]): void {
  w.title(UNIT_BLOCK.title);
  w.header(UNIT_BLOCK);
  const first = w.row;
  for (const u of units) {
    const values: Record<string, PlanValue> = {
      kind: wordFor(UNIT_KIND_WORDS, u.kind),
      name: u.name,
    };
    UNIT_BLOCK.columns.forEach((c, i) =>
      w.put({ row: w.row, col: UNIT_BLOCK.offset + i, value: values[c.field] })
    );
    w.row++;
  }
  const rows: [number, number] = [first, w.row - 1 + SPARE_UNIT_ROWS];
  w.choices(
    UNIT_BLOCK,
    "kind",
    rows,
    UNIT_KIND_WORDS.map((k) => k.zh)
  );
}
