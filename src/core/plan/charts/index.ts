/** Charts of the product's sheets, as data (docs/charts.md). */
export { gapCharts, MAX_PROGRESS_BARS } from "./gap-charts";
export type { GapChartInput } from "./gap-charts";
export { completenessCharts } from "./completeness-charts";
export type { CompletenessChartInput } from "./completeness-charts";
export { chartRangeReader, chartPlacementProblems } from "./data";
export { CHART_STATUS_ORDER, statusLook, statusName } from "./looks";
export { insertChartColumns } from "./layout";
