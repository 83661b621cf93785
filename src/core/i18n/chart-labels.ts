/**
 * Texts of the charts beside the product's tables (docs/charts.md): each chart's name in Excel,
 * title and axis title, and the caption and headers of the small table it draws from.
 */

/** The first column's header, a total's row or column, of every small table. */
export const CHART_TOTAL = "合计";

export const STATUS_BY_CATEGORY_CHART = {
  name: "各类别指标状态",
  title: "各类别指标状态分布",
  caption: "图表数据：各类别指标状态（项）",
  category: "类别",
  axis: "指标数（项）",
} as const;

export const PROGRESS_CHART = {
  name: "推进进度与序时进度",
  title: "各指标推进进度与序时进度",
  caption: "图表数据：各指标推进进度（按状态分列）与序时进度",
  indicator: "指标",
  schedule: "序时进度",
  /** The schedule as the legend names it: a dash, as it is drawn. */
  scheduleSeries: "— 序时进度",
} as const;

export const RANKING_CHART = {
  name: "各单位得分排名",
  title: "各单位得分排名",
  caption: "图表数据：得分排名",
  rank: "排名",
  unit: "单位（报送情况）",
  score: "得分",
} as const;

export const REPORTING_CHART = {
  name: "各类单位报送情况",
  title: "各类单位报送情况",
  caption: "图表数据：各类单位报送情况（个）",
  kind: "类型",
  axis: "单位数（个）",
} as const;

/** 趋势: one line chart per category, completion per period against 序时进度. */
export const TREND_CHART = {
  name: (category: string) => `${category}完成率趋势`,
  title: (category: string) => `${category}：完成率与序时进度`,
  axis: "完成率",
} as const;
