/**
 * Texts of the 趋势 sheet (docs/consolidation.md#history-across-periods): its title and subtitle, the
 * overview of the periods, the indicator table's headers (those it shares with 差距分析 come from
 * gap-labels.ts) and the chart blocks' labels.
 */
import { GAP_HEADER, OVERALL_SCORE } from "./gap-labels";
import { SHEET_NAME } from "./sheet-names";

export const TREND_TITLE = `${SHEET_NAME.trend} / Trend across periods`;

export function trendSubtitle(a: {
  first: string;
  last: string;
  periods: number;
  version: string;
}): string {
  return `报告期：${a.first} 至 ${a.last}（${a.periods} 期，早在前）　指标目录版本：${a.version}　各期数值即该期各单位报表的汇总`;
}

/** The overview's header and the labels of its rows. */
export const TREND_OVERVIEW = {
  title: "各期概况 / Periods",
  asOf: "截至",
  units: "报送单位（已报/应报）",
  overall: OVERALL_SCORE.zh,
};

/** The indicator table's headers: the fixed columns, then three per period. */
export const TREND_HEADER = {
  category: GAP_HEADER.category,
  code: GAP_HEADER.code,
  name: GAP_HEADER.name,
  unit: GAP_HEADER.unit,
  value: "完成值",
  completion: GAP_HEADER.completion,
  status: GAP_HEADER.status,
} as const;

export const TREND_CHARTS_TITLE =
  "完成率与序时进度（按类别，各期）/ Completion against schedule, by category";

/** A chart block's header: "科技创新 完成率". */
export function categoryCompletionLabel(category: string): string {
  return `${category} ${GAP_HEADER.completion}`;
}

/** The last series of a chart block; "平均" when its indicators' schedules differ. */
export function scheduleLabel(mean: boolean): string {
  return mean ? `${GAP_HEADER.schedule}（平均）` : GAP_HEADER.schedule;
}
