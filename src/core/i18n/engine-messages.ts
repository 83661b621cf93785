/**
 * The engine's own texts: what its typed errors (src/core/errors.ts) say, in Chinese and English,
 * and the titles of the result sheets a run writes.
 */
import type { Message } from "./messages";

export const ERROR_TEXT = {
  noSuchSheet: (sheet: string): Message => ({
    zh: `工作簿中没有名为“${sheet}”的工作表`,
    en: `no sheet named "${sheet}"`,
  }),
  reservedSheet: (sheets: string[]): Message => ({
    zh: `不能写入内部工作表：${sheets.join("、")}`,
    en: `reserved sheet name: ${sheets.join(", ")}`,
  }),
  missingSheet: (sheets: string[]): Message => ({
    zh: `标注的工作表不存在：${sheets.join("、")}`,
    en: `annotated sheet not found: ${sheets.join(", ")}`,
  }),
  brokenCatalogue: (count: number): Message => ({
    zh: `指标规则有 ${count} 处错误`,
    en: `the rules sheet has ${count} error(s)`,
  }),
};

/** Titles of the sheets validate and analyse write; the " / " marks them as the product's (plan/product-sheet.ts). */
export const RUN_SHEET_TEXT = {
  findingsTitle: "校验结果 / Validation findings",
  gapTitle: "差距分析 / Gap analysis",
  /** `compared`: the earlier periods each actual is compared with (较上期), when the workbook has them. */
  gapSubtitle: (a: {
    units: string;
    periods: string;
    asOf: string;
    compared: string[];
    version: string;
  }) =>
    `填报单位：${a.units}　报告期：${a.periods}　截至：${a.asOf}` +
    (a.compared.length ? `　较上期：${a.compared.join("、")}` : "") +
    `　指标目录版本：${a.version}`,
  /** The column naming the sheet (and the unit, for a table of units as rows) of each result. */
  sourceHeader: "工作表",
  source: (sheet: string, reporter: string) => `${sheet}：${reporter}`,
};
