/** Scoring and gap analysis (docs/specification.md §5, §6). */

export { scoreIndicator, flowYearTarget } from "./indicator";
export type { ScoreInput, IndicatorFigures } from "./indicator";
export { aggregateScores } from "./aggregate";
export { STATUS_STYLE, statusLabel } from "./status-style";
export type { StatusStyle } from "./status-style";
export { monthsBetween, monthsIntoYear } from "./dates";
export { meetsTarget, APPROX_SHARE } from "./kinds";
export { projectLinear } from "./projection";
