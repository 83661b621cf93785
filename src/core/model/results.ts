/** What the engine produces: findings, indicator results, scores. */

export type Severity = "error" | "warning";

export type RuleId =
  | "sheet_not_recognised"
  | "missing_period"
  | "missing_reporting_unit"
  | "unknown_indicator"
  | "duplicate_indicator"
  | "missing_value"
  | "unparseable_number"
  | "unparseable_milestone"
  | "formula_error"
  | "unit_mismatch"
  | "out_of_range"
  | "not_integer"
  | "likely_fraction_percent"
  | "target_changed"
  | "baseline_changed"
  | "cumulative_decreased"
  | "outlier_jump"
  | "inconsistent_ratio"
  | "remark_required"
  | "not_responsible"
  | "missing_reference"
  | "conflicting_values"
  | "changed_after_approval"
  | "period_mismatch"
  | "superseded_report"
  | "catalogue_invalid"
  | "column_guessed"
  | "total_mismatch";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address; absent for a finding about the whole sheet. */
  cell?: string;
  indicator?: string;
  /** The raw cell text, as typed. */
  text?: string;
  message: { zh: string; en: string };
  /** The file the sheet came from, when several files are read. */
  file?: string;
}

export type Status =
  | "invalid"
  | "no_data"
  | "not_applicable"
  | "no_target"
  | "met"
  | "on_track"
  | "lagging"
  | "critical";

export const STATUSES: readonly Status[] = [
  "met",
  "on_track",
  "lagging",
  "critical",
  "no_data",
  "no_target",
  "not_applicable",
  "invalid",
];

/** The figures of one indicator of one sheet (or of the consolidation), in canonical units. */
export interface IndicatorResult {
  code: string;
  name: string;
  category: string;
  sheet: string;
  unit: string;
  baseline: number | null;
  /** The final target T* (for annual_growth B·(1+r)^Y, for reach_reference the year's reference). */
  target: number | null;
  actual: number | null;
  completion: number | null;
  progress: number | null;
  schedule: number | null;
  gap: number | null;
  requiredGrowth: number | null;
  projection: number | null;
  projectionMeets: boolean | null;
  status: Status;
  score: number | null;
  weight: number;
  /** The cell of the actual value, for links. */
  cell?: string;
  /** The text typed for an actual that gives no usable figure (invalid, empty or not applicable), shown in its place. */
  actualText?: string;
  /** The actual was written as approximate (约400斤). */
  approximate?: boolean;
  /** The unit whose row it is, when one sheet holds several units' rows (a table of units as rows). */
  source?: string;
}

export interface Scores {
  overall: number | null;
  categories: Record<string, number>;
}
