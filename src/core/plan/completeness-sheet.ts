/**
 * The 填报情况 sheet: one row per expected unit — reported or not, on time, errors and warnings,
 * approval, missing indicators, score and rank — units that sent nothing first. Plain cells and
 * numbers, no merged cells in the table, so the office can sort it and print it.
 */
import type { CompletenessRow, ReportStatus } from "../model/consolidation";
import type { PlanCell, PlanSheet } from "../model/plan";
import { cellAddress } from "../model/cells";
import { STATUS_STYLE } from "../score";
import {
  APPROVAL_LABEL,
  COMPLETENESS_HEADER,
  COMPLETENESS_LIST,
  COMPLETENESS_TITLE,
  ON_TIME_LABEL,
  REPORT_STATUS_LABEL,
  UNIT_KIND_LABEL,
  allMissingText,
  approvedByText,
  completenessCountLine,
  completenessPeriodLine,
} from "../i18n/completeness-labels";
import { SHEET_NAME } from "../i18n/sheet-names";
import {
  FMT_SCORE,
  HEADER_FILL,
  HEADER_TEXT,
  SEVERITY_STYLE,
  SUBTLE_TEXT,
  TITLE_TEXT,
} from "./styles";
import { completenessCharts } from "./charts";

export const COMPLETENESS_SHEET = SHEET_NAME.completeness;

type Look = { fill?: string; fontColor: string };

/** The colours of docs/specification.md §6 a look borrows: received is "met", nothing is "no data". */
function borrowed(status: keyof typeof STATUS_STYLE): Look {
  const s = STATUS_STYLE[status];
  return { fill: s.fill ?? undefined, fontColor: s.text };
}

const STATUS_LOOK: Record<ReportStatus, Look> = {
  reported: borrowed("met"),
  not_reported: borrowed("no_data"),
  period_mismatch: borrowed("lagging"),
  no_period: borrowed("invalid"),
  unrecognised: borrowed("invalid"),
};

const APPROVAL_LOOK: Record<CompletenessRow["approval"], Look> = {
  approved: borrowed("met"),
  changed: borrowed("lagging"),
  none: { fontColor: SUBTLE_TEXT },
};

/** The columns in order, with their widths. */
const COLUMNS: [keyof typeof COMPLETENESS_HEADER, number][] = [
  ["no", 6],
  ["unit", 24],
  ["kind", 9],
  ["status", 13],
  ["period", 15],
  ["reportDate", 11],
  ["onTime", 12],
  ["errors", 7],
  ["warnings", 7],
  ["approval", 17],
  ["expected", 9],
  ["missing", 34],
  ["score", 7],
  ["rank", 6],
  ["source", 30],
];

const HEADER_ROW = 4;

function onTimeCell(r: CompletenessRow): { text: string; fill?: string; fontColor: string } {
  if (r.onTime === true) return { text: ON_TIME_LABEL.onTime, fontColor: STATUS_STYLE.met.text };
  if (r.onTime === false && r.reportDate && r.dueDate) {
    const days = Math.round((Date.parse(r.reportDate) - Date.parse(r.dueDate)) / 86_400_000);
    return { text: ON_TIME_LABEL.late(days), ...borrowed("lagging") };
  }
  if (r.status === "reported") return { text: ON_TIME_LABEL.noDate, fontColor: SUBTLE_TEXT };
  return { text: ON_TIME_LABEL.unknown, fontColor: SUBTLE_TEXT };
}

/** The codes a unit did not report; "全部 11 项" when it reported none of them. */
function missingText(r: CompletenessRow): string {
  if (r.missing.length && r.missing.length === r.expected.length && r.expected.length > 1)
    return allMissingText(r.expected.length);
  return COMPLETENESS_LIST.items(r.missing);
}

/** Title, period line and the counts of the listed units. */
function headCells(
  rows: CompletenessRow[],
  ctx: { period: string | null; asOf: string | null; dueDate: string | null }
): PlanCell[] {
  const listed = rows.filter((r) => r.kind !== "unlisted");
  const count = (s: ReportStatus) => listed.filter((r) => r.status === s).length;
  const counts = completenessCountLine({
    listed: listed.length,
    reported: count("reported") + count("no_period"),
    notReported: count("not_reported"),
    periodMismatch: count("period_mismatch"),
    approved: listed.filter((r) => r.approved).length,
  });
  return [
    { row: 0, col: 0, value: COMPLETENESS_TITLE, bold: true, size: 14, fontColor: TITLE_TEXT },
    { row: 1, col: 0, fontColor: SUBTLE_TEXT, value: completenessPeriodLine(ctx) },
    { row: 2, col: 0, fontColor: SUBTLE_TEXT, value: counts },
    ...COLUMNS.map(([key], col) => ({
      row: HEADER_ROW,
      col,
      value: COMPLETENESS_HEADER[key],
      bold: true,
      fill: HEADER_FILL,
      fontColor: HEADER_TEXT,
      align: "center" as const,
      wrap: true,
    })),
  ];
}

/** A count of findings, coloured by severity when there are any. */
function countCell(n: number, severity: keyof typeof SEVERITY_STYLE): Partial<PlanCell> {
  const s = SEVERITY_STYLE[severity];
  return { align: "center", ...(n ? { fill: s.fill, fontColor: s.text } : {}) };
}

/** The cells of one unit's row, `i` its place in the table. */
function unitRowCells(r: CompletenessRow, i: number): PlanCell[] {
  const row = HEADER_ROW + 1 + i;
  const ap = APPROVAL_LABEL[r.approval];
  const { text: onTime, ...onTimeLook } = onTimeCell(r);
  const cells: [PlanCell["value"], Partial<PlanCell>?][] = [
    [i + 1],
    [r.unit, { bold: r.status === "not_reported" }],
    [UNIT_KIND_LABEL[r.kind]],
    [REPORT_STATUS_LABEL[r.status], STATUS_LOOK[r.status]],
    [COMPLETENESS_LIST.items(r.periods) || COMPLETENESS_LIST.none],
    [r.reportDate ?? COMPLETENESS_LIST.none],
    [onTime, onTimeLook],
    [r.errors, countCell(r.errors, "error")],
    [r.warnings, countCell(r.warnings, "warning")],
    [
      r.approval === "approved" && r.approvedBy ? approvedByText(ap, r.approvedBy) : ap,
      APPROVAL_LOOK[r.approval],
    ],
    [r.expected.length, { align: "center" }],
    [missingText(r)],
    [r.score, r.score === null ? {} : { numFmt: FMT_SCORE }],
    [r.rank, { align: "center" }],
    [COMPLETENESS_LIST.sources(r.sources), { fontColor: SUBTLE_TEXT }],
  ];
  return cells.map(([value, extra], col) => ({ row, col, value, ...extra }));
}

export function completenessSheet(
  rows: CompletenessRow[],
  ctx: { period: string | null; asOf: string | null; dueDate: string | null }
): PlanSheet {
  const last = HEADER_ROW + Math.max(1, rows.length);
  return {
    name: COMPLETENESS_SHEET,
    cells: [...headCells(rows, ctx), ...rows.flatMap(unitRowCells)],
    columnWidths: COLUMNS.map(([, w]) => w),
    autoFilter: `${cellAddress(HEADER_ROW, 0)}:${cellAddress(last, COLUMNS.length - 1)}`,
    freezeRows: HEADER_ROW + 1,
    landscape: true,
    charts: completenessCharts({ rows, headerRow: HEADER_ROW, columns: COLUMNS.map(([, w]) => w) }),
  };
}
