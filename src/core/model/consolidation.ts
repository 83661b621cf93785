/**
 * What a consolidation produces besides indicator results (docs/consolidation.md): the city's figure
 * of each indicator and who reported. Shared by the consolidation, which makes them, and the plan,
 * which draws the 汇总 and 填报情况 sheets from them.
 */
import type { Catalogue, UnitKind } from "./catalogue";
import type { Finding, IndicatorResult, Scores, Status } from "./results";

export interface ConsolidatedIndicator {
  code: string;
  value: number | null;
  /** The units whose values make the figure. */
  units: string[];
  status: Status;
  completion: number | null;
  score: number | null;
}

export type ReportStatus =
  "reported" | "not_reported" | "period_mismatch" | "no_period" | "unrecognised";

export interface CompletenessRow {
  unit: string;
  /** 'unlisted': a unit that sent a sheet but is not in the catalogue's list. */
  kind: UnitKind | "unlisted";
  /** Sent a sheet of the consolidation's period (or one without a period, which cannot be placed). */
  reported: boolean;
  status: ReportStatus;
  /** The periods of the sheets it sent, as written. */
  periods: string[];
  /** Where its sheets came from: "file!sheet" or the sheet's name. */
  sources: string[];
  reportDate: string | null;
  dueDate: string | null;
  /** null when unknown: nothing sent, or no 报出日期 on the sheet. */
  onTime: boolean | null;
  errors: number;
  warnings: number;
  /** Approved, and the data still match the approval (every sheet of the period). */
  approved: boolean;
  approval: "approved" | "changed" | "none";
  approvedBy: string | null;
  approvedAt: string | null;
  expected: string[];
  missing: string[];
  score: number | null;
  rank: number | null;
}

/** The results of a consolidation its sheets are drawn from. */
export interface ConsolidationFigures {
  asOf: string | null;
  /** The period's name, e.g. 2022年第三季度. */
  period: string | null;
  /** The date sheets were due (period end + the catalogue's dueDays). */
  dueDate: string | null;
  findings: Finding[];
  /** The city's figures, one per scored indicator of the catalogue. */
  indicators: IndicatorResult[];
  scores: Scores;
  consolidated: ConsolidatedIndicator[];
  completeness: CompletenessRow[];
  catalogue: Catalogue;
}

// The figures of several periods side by side (docs/consolidation.md#history-across-periods).

/** One indicator's city figures in one period. */
export interface TrendPoint {
  value: number | null;
  /** What stands in for a value that is not a figure (待核实：通钦街道). */
  text: string | null;
  completion: number | null;
  /** 序时进度: the share of the way time alone asks for at the period's end. */
  schedule: number | null;
  status: Status;
  score: number | null;
}

export interface IndicatorTrend {
  code: string;
  name: string;
  category: string;
  unit: string;
  /** One point per period, oldest first. */
  points: TrendPoint[];
}

export interface UnitTrend {
  unit: string;
  kind: CompletenessRow["kind"];
  /** Per period, oldest first; null where the unit has no score (nothing of that period). */
  scores: (number | null)[];
  statuses: (ReportStatus | null)[];
}

export interface PeriodSummary {
  asOf: string;
  /** The period's name, e.g. 2022年第一季度. */
  period: string;
  dueDate: string | null;
  /** Units of the list expected, and those that reported the period. */
  expected: number;
  reported: number;
  scores: Scores;
}

export interface ConsolidationHistory {
  /** Oldest first; the last is the consolidation's own period. */
  periods: PeriodSummary[];
  indicators: IndicatorTrend[];
  /** In the order of the latest 填报情况. */
  units: UnitTrend[];
  /** Files set aside for a later file of the same unit and period (superseded_report). */
  setAside: Finding[];
}
