/** Charts of the product's sheets, as data (docs/charts.md). */
export { gapCharts, MAX_PROGRESS_BARS } from "./gap-charts";
export type { GapChartInput } from "./gap-charts";
export { completenessCharts } from "./completeness-charts";
export type { CompletenessChartInput } from "./completeness-charts";
export { chartRangeReader, chartPlacementProblems } from "./chart-data";
export { CHART_STATUS_ORDER, statusLook, statusName } from "./chart-looks";
export { insertChartColumns } from "./chart-layout";
