/** The rule table (docs/specification.md §4): each rule's severity, and the one way findings are made. */
import type { Finding, RuleId, Severity } from "../model/results";
import { MESSAGES, type MessageArgs } from "../i18n/messages";

export const RULE_SEVERITY: Record<RuleId, Severity> = {
  sheet_not_recognised: "error",
  missing_period: "error",
  missing_reporting_unit: "warning",
  unknown_indicator: "warning",
  duplicate_indicator: "error",
  missing_value: "error",
  unparseable_number: "error",
  unparseable_milestone: "error",
  formula_error: "error",
  unit_mismatch: "error",
  out_of_range: "error",
  not_integer: "error",
  likely_fraction_percent: "warning",
  target_changed: "warning",
  baseline_changed: "warning",
  cumulative_decreased: "warning",
  outlier_jump: "warning",
  inconsistent_ratio: "error",
  remark_required: "warning",
  not_responsible: "warning",
  missing_reference: "warning",
  conflicting_values: "warning",
  changed_after_approval: "warning",
  period_mismatch: "warning",
  superseded_report: "warning",
  catalogue_invalid: "error",
  column_guessed: "warning",
  total_mismatch: "warning",
};

export interface FindingAt {
  sheet: string;
  cell?: string;
  indicator?: string;
  text?: string;
}

export function makeFinding(rule: RuleId, at: FindingAt, args: MessageArgs = {}): Finding {
  const f: Finding = {
    rule,
    severity: RULE_SEVERITY[rule],
    sheet: at.sheet,
    message: MESSAGES[rule]({ text: at.text, ...args }),
  };
  if (at.cell) f.cell = at.cell;
  if (at.indicator) f.indicator = at.indicator;
  if (at.text !== undefined && at.text !== "") f.text = at.text;
  return f;
}
