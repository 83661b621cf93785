/**
 * The texts of a unit's monitoring template (core/template): why one cannot be made, the notes under
 * its table, and what each input cell takes. The prompts of input cells are in Chinese only: Excel
 * shows at most 255 characters there, and the units fill the sheet in Chinese. The header words of
 * the sheet (填报单位, 指标编码 …) are the reader's, not messages, and stay with the template.
 */
import type { Message } from "./messages";
import { inBoth } from "./catalogue-messages";

/** Why a template cannot be made. */
export const TEMPLATE_REFUSED = {
  unknownUnit: (unit: string, units: string[]): Message => ({
    zh: `单位“${unit}”不在指标目录的单位名单中（可选：${units.join("、")}）`,
    en: `"${unit}" is not in the catalogue's unit list`,
  }),
  badPeriod: (text: string): Message => ({
    zh: `报告期“${text}”无法识别（如 2022Q3、2022年第三季度）`,
    en: `the period "${text}" cannot be read (e.g. 2022Q3)`,
  }),
  nothingToReport: (unit: string): Message => ({
    zh: `单位“${unit}”没有需要填报的指标`,
    en: `${unit} reports no indicator`,
  }),
};

/** The range of values an input cell takes, as its prompt says it: "不小于 0 的整数，单位：个". */
export interface Needs {
  min: number;
  max?: number;
  unit: string;
  integer?: boolean;
}

/** What the template writes for the person filling it in. */
export const TEMPLATE_TEXT = {
  title: (unit: string, period: string): string => `${unit}${period}创新型县建设指标监测表`,
  notes: (version: string): string[] => [
    inBoth({
      zh: "注1：灰色单元格由指标目录预填，已锁定；请只填写黄色单元格。",
      en: "Grey cells come from the catalogue and are locked; fill in the yellow cells.",
    }),
    "注2：本期完成值填截至报告期末的数值，年度累计类指标填本年1月至报告期末的累计数；确不适用的填“不适用”。",
    "注3：严重滞后或较上期下降的指标，请在备注中说明原因。",
    inBoth({
      zh: `注4：本表依据指标目录版本 ${version} 生成。`,
      en: `Made from catalogue version ${version}.`,
    }),
  ],
  /** The target cell of a reach_reference indicator: the province's average, and its figure when known. */
  referenceTarget: (year: number, value: number | undefined, unit: string): string =>
    value === undefined ? "全省平均水平" : `全省平均水平（${year}年 ${value}${unit}）`,
  choose: (choices: string[]): string => `从下拉列表选择：${choices.join("、")}`,
  percent: (min: number, max: number): string => `${min}–${max} 之间的数，单位：%（1.42% 填 1.42）`,
  number: (n: Needs): string => {
    const range = n.max !== undefined ? `${n.min}–${n.max} 之间的` : `不小于 ${n.min} 的`;
    return `${range}${n.integer ? "整数" : "数"}，单位：${n.unit}`;
  },
  prompt: (what: string, needs: string): string => `${what}：${needs}。确不适用的填“不适用”。`,
  error: (needs: string): string => `应填${needs}。确不适用的，可点“是”后填写“不适用”。`,
  /** What an input cell is for. */
  baseline: (date: string): string => `基期值（${date}）`,
  share: "本单位分解任务（未分解的留空）",
  actual: {
    milestone: "本期完成情况",
    flow: "本期完成值（本年1月至报告期末累计）",
    level: "本期完成值（截至报告期末）",
  },
};
