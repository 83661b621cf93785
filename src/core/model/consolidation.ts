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
