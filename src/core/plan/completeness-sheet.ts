/**
 * The 填报情况 sheet: one row per expected unit — reported or not, on time, errors and warnings,
 * approval, missing indicators, score and rank — units that sent nothing first. Plain cells and
 * numbers, no merged cells in the table, so the office can sort it and print it.
 */
import type { CompletenessRow, ReportStatus } from "../consolidate/completeness";
import type { PlanCell, PlanSheet } from "../model/plan";
import { cellAddress } from "../model/cells";
import { STATUS_STYLE } from "../score";
import {
  FMT_SCORE,
  HEADER_FILL,
  HEADER_TEXT,
  SEVERITY_STYLE,
  SUBTLE_TEXT,
  TITLE_TEXT,
} from "./styles";
import { completenessCharts } from "./charts";

export const COMPLETENESS_SHEET = "填报情况";

const KIND_LABEL: Record<CompletenessRow["kind"], string> = {
  bureau: "市直部门",
  township: "乡镇",
  street: "街道",
  other: "其他单位",
  unlisted: "名单外",
};

/** Each report status with the colours of SPEC §6 it borrows: received is "met", nothing is "no data". */
const STATUS_CELL: Record<ReportStatus, { text: string; fill: string | null; font: string }> = {
  reported: { text: "✔ 已报送", fill: STATUS_STYLE.met.fill, font: STATUS_STYLE.met.text },
  not_reported: {
    text: "○ 未报送",
    fill: STATUS_STYLE.no_data.fill,
    font: STATUS_STYLE.no_data.text,
  },
  period_mismatch: {
    text: "▲ 报告期不符",
    fill: STATUS_STYLE.lagging.fill,
    font: STATUS_STYLE.lagging.text,
  },
  no_period: {
    text: "! 未填报告期",
    fill: STATUS_STYLE.invalid.fill,
    font: STATUS_STYLE.invalid.text,
  },
  unrecognised: {
    text: "! 无法识别",
    fill: STATUS_STYLE.invalid.fill,
    font: STATUS_STYLE.invalid.text,
  },
};

const APPROVAL_CELL: Record<
  CompletenessRow["approval"],
  { text: string; fill: string | null; font: string }
> = {
  approved: { text: "✔ 已审核", fill: STATUS_STYLE.met.fill, font: STATUS_STYLE.met.text },
  changed: {
    text: "▲ 审核后已修改",
    fill: STATUS_STYLE.lagging.fill,
    font: STATUS_STYLE.lagging.text,
  },
  none: { text: "– 未审核", fill: null, font: SUBTLE_TEXT },
};

const HEADERS: [string, number][] = [
  ["序号", 6],
  ["单位", 24],
  ["类型", 9],
  ["报送情况", 13],
  ["报告期", 15],
  ["报出日期", 11],
  ["按时报送", 12],
  ["错误", 7],
  ["提示", 7],
  ["审核", 17],
  ["应报指标", 9],
  ["缺报指标", 34],
  ["得分", 7],
  ["排名", 6],
  ["来源", 30],
];

function onTimeCell(r: CompletenessRow): { text: string; fill?: string; font: string } {
  if (r.onTime === true) return { text: "✔ 按时", font: STATUS_STYLE.met.text };
  if (r.onTime === false && r.reportDate && r.dueDate) {
    const days = Math.round((Date.parse(r.reportDate) - Date.parse(r.dueDate)) / 86_400_000);
    return {
      text: `▲ 逾期 ${days} 天`,
      fill: STATUS_STYLE.lagging.fill ?? undefined,
      font: STATUS_STYLE.lagging.text,
    };
  }
  if (r.status === "reported") return { text: "– 未填报出日期", font: SUBTLE_TEXT };
  return { text: "—", font: SUBTLE_TEXT };
}

/** The codes a unit did not report; "全部 11 项" when it reported none of them. */
function missingText(r: CompletenessRow): string {
  if (r.missing.length && r.missing.length === r.expected.length && r.expected.length > 1)
    return `全部 ${r.expected.length} 项`;
  return r.missing.join("、");
}

export function completenessSheet(
  rows: CompletenessRow[],
  ctx: { period: string | null; asOf: string | null; dueDate: string | null }
): PlanSheet {
  const cells: PlanCell[] = [];
  const listed = rows.filter((r) => r.kind !== "unlisted");
  const count = (s: ReportStatus) => listed.filter((r) => r.status === s).length;
  cells.push({
    row: 0,
    col: 0,
    value: "填报情况 / Reporting completeness",
    bold: true,
    size: 14,
    fontColor: TITLE_TEXT,
  });
  cells.push({
    row: 1,
    col: 0,
    fontColor: SUBTLE_TEXT,
    value: `报告期：${ctx.period ?? "—"}　截至：${ctx.asOf ?? "—"}　报送截止：${ctx.dueDate ?? "—"}`,
  });
  cells.push({
    row: 2,
    col: 0,
    fontColor: SUBTLE_TEXT,
    value:
      `应报单位 ${listed.length} 个：已报送 ${count("reported") + count("no_period")}，未报送 ${count("not_reported")}，` +
      `报告期不符 ${count("period_mismatch")}；已审核 ${listed.filter((r) => r.approved).length}。` +
      "得分为各单位所报及所负责指标的得分（未报指标计 0 分）。",
  });
  const headerRow = 4;
  HEADERS.forEach(([h], c) =>
    cells.push({
      row: headerRow,
      col: c,
      value: h,
      bold: true,
      fill: HEADER_FILL,
      fontColor: HEADER_TEXT,
      align: "center",
      wrap: true,
    })
  );
  rows.forEach((r, i) => {
    const row = headerRow + 1 + i;
    const st = STATUS_CELL[r.status];
    const ap = APPROVAL_CELL[r.approval];
    const ot = onTimeCell(r);
    const put = (col: number, value: PlanCell["value"], extra: Partial<PlanCell> = {}) =>
      cells.push({ row, col, value, ...extra });
    put(0, i + 1);
    put(1, r.unit, { bold: r.status === "not_reported" });
    put(2, KIND_LABEL[r.kind]);
    put(3, st.text, { fill: st.fill ?? undefined, fontColor: st.font });
    put(4, r.periods.join("、") || "—");
    put(5, r.reportDate ?? "—");
    put(6, ot.text, { fill: ot.fill, fontColor: ot.font });
    put(7, r.errors, {
      align: "center",
      ...(r.errors
        ? { fill: SEVERITY_STYLE.error.fill, fontColor: SEVERITY_STYLE.error.text }
        : {}),
    });
    put(8, r.warnings, {
      align: "center",
      ...(r.warnings
        ? { fill: SEVERITY_STYLE.warning.fill, fontColor: SEVERITY_STYLE.warning.text }
        : {}),
    });
    put(9, r.approval === "approved" && r.approvedBy ? `${ap.text}（${r.approvedBy}）` : ap.text, {
      fill: ap.fill ?? undefined,
      fontColor: ap.font,
    });
    put(10, r.expected.length, { align: "center" });
    put(11, missingText(r));
    put(12, r.score, r.score === null ? {} : { numFmt: FMT_SCORE });
    put(13, r.rank, { align: "center" });
    put(14, r.sources.join("；"), { fontColor: SUBTLE_TEXT });
  });
  return {
    name: COMPLETENESS_SHEET,
    cells,
    columnWidths: HEADERS.map(([, w]) => w),
    autoFilter: `${cellAddress(headerRow, 0)}:${cellAddress(headerRow + Math.max(1, rows.length), HEADERS.length - 1)}`,
    freezeRows: headerRow + 1,
    landscape: true,
    charts: completenessCharts({ rows, headerRow, columns: HEADERS.map(([, w]) => w) }),
  };
}
