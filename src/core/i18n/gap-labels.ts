/**
 * Texts of the 差距分析 sheet, and of 汇总 (the same sheet for a consolidation): its column headers,
 * the words of a projection and the scores' label. A bulletin made from a workbook reads the sheet
 * back by these headers (report/from-workbook.ts).
 */
import type { Message } from "./messages";

/** The column headers, in the sheet's order (较上期增减 only when earlier periods are known). */
export const GAP_HEADER = {
  category: "类别",
  code: "编码",
  name: "指标名称",
  unit: "单位",
  baseline: "基期值",
  target: "目标值",
  actual: "本期完成值",
  change: "较上期增减",
  completion: "完成率",
  schedule: "序时进度",
  progress: "推进进度",
  gap: "差距",
  requiredGrowth: "所需年均增速",
  projection: "预计期末值",
  projectionMeets: "预计能否达标",
  status: "状态",
  score: "得分",
} as const;

/** Whether the projection meets the target. */
export const PROJECTION_MEETS = { yes: "能 / Yes", no: "不能 / No" } as const;

/** The overall score's label above the table. */
export const OVERALL_SCORE: Message = { zh: "综合得分", en: "Overall score" };
