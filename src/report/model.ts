/**
 * The quarterly bulletin (监测通报, docs/bulletin.md) as data: what it is made from (BulletinSource,
 * a consolidation or a consolidated workbook read back) and what it says (Bulletin: title, blocks of
 * text, tables and charts), before any .docx or picture is made of it.
 */
import type { Catalogue } from "../core/model/catalogue";
import type { CompletenessRow } from "../core/consolidate/completeness";
import type { Finding, IndicatorResult, Scores, Status } from "../core/model/results";

/** A unit's row of 填报情况, as far as the bulletin uses it. */
export type UnitRow = Pick<
  CompletenessRow,
  | "unit"
  | "kind"
  | "status"
  | "periods"
  | "reportDate"
  | "dueDate"
  | "onTime"
  | "errors"
  | "warnings"
  | "approval"
  | "approvedBy"
  | "expected"
  | "missing"
  | "score"
  | "rank"
>;

/** The city's figures at the end of the previous period, from the units' earlier values (history). */
export interface PreviousPeriod {
  asOf: string;
  /** The indicators with a figure then, scored as at that date. */
  indicators: IndicatorResult[];
}

export interface BulletinSource {
  period: string | null;
  asOf: string | null;
  dueDate: string | null;
  /** The city's figures, one per scored indicator, in the catalogue's order. */
  indicators: IndicatorResult[];
  scores: Scores;
  units: UnitRow[];
  findings: Finding[];
  /** The unit of each sheet read, by "file!sheet" (or the sheet's name alone). */
  unitOfSource: Record<string, string>;
  catalogue: Catalogue;
  /** Null when no indicator has a figure for an earlier period (or the input does not carry them). */
  previous: PreviousPeriod | null;
}

export interface TextRun {
  text: string;
  bold?: boolean;
}

export interface TableColumn {
  header: string;
  /** Share of the text width, in percent. */
  width: number;
  align?: "left" | "center" | "right";
}

export interface TableRow {
  cells: string[];
  /** The status a row (or its status cell) shows, for a light shade. */
  status?: Status;
}

export interface StatusByCategoryChart {
  kind: "status_by_category";
  /** One bar per category: how many of its indicators are in each status. */
  bars: { category: string; counts: Partial<Record<Status, number>> }[];
}

export interface ProgressChart {
  kind: "progress_vs_schedule";
  /** One column per indicator, grouped by category (in order). */
  columns: {
    code: string;
    category: string;
    progress: number | null;
    schedule: number | null;
    status: Status;
  }[];
}

export type ChartSpec = StatusByCategoryChart | ProgressChart;

export type Block =
  /** 一、 (黑体), （一） (楷体), 1. (仿宋 bold). */
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  /** keepNext: on the same page as what follows (a table it introduces). */
  | { kind: "paragraph"; runs: TextRun[]; indent?: boolean; keepNext?: boolean }
  | {
      kind: "table";
      caption: string;
      columns: TableColumn[];
      rows: TableRow[];
      statusColumn?: number;
      note?: string;
    }
  | { kind: "chart"; caption: string; chart: ChartSpec };

export interface Bulletin {
  /** The title's lines: the bulletin's name and the period. */
  title: string[];
  issuer: string;
  /** 成文日期, ISO. */
  date: string;
  /** 主送机关. */
  recipients: string;
  blocks: Block[];
}
