/**
 * The approvals log (审核记录): one row per approval, appended and never rewritten. This module
 * makes a row and reads the log back; the adapters append the row (WorkbookPort.appendRows).
 */
import type { CellValue, SheetGrid } from "../model/cells";
import { cellText } from "../model/cells";
import type { SheetCheck } from "../validate/sheet";
import { sameUnit } from "../read/match";

export const APPROVALS_SHEET = "审核记录";

/** Column headers, in order; readApprovals finds columns by the Chinese words, so the order may change. */
export const APPROVAL_HEADER = [
  "审核时间 / Time",
  "审核人 / Reviewer",
  "工作表 / Sheet",
  "填报单位 / Unit",
  "报告期 / Period",
  "错误数 / Errors",
  "提示数 / Warnings",
  "指标目录版本 / Catalogue version",
  "数据指纹 SHA-256 / Fingerprint",
  "审核时数值 / Approved values",
];

export interface Approval {
  time: string;
  reviewer: string;
  sheet: string;
  unit: string;
  period: string;
  errors: number;
  warnings: number;
  catalogueVersion: string;
  fingerprint: string;
  /**
   * The values approved, as recorded (see values.ts); absent in rows written before the log kept
   * them, and when the sheet's values do not fit in a cell.
   */
  values?: string;
}

type Field = keyof Approval;
/** Header words per field, matched as substrings of the header cell. */
const FIELD_WORDS: [Field, string][] = [
  ["time", "审核时间"],
  ["reviewer", "审核人"],
  ["sheet", "工作表"],
  ["unit", "单位"],
  ["period", "报告期"],
  ["errors", "错误"],
  ["warnings", "提示"],
  ["catalogueVersion", "版本"],
  ["fingerprint", "指纹"],
  ["values", "数值"],
];

export function approvalToRow(a: Approval): CellValue[] {
  return [
    a.time,
    a.reviewer,
    a.sheet,
    a.unit,
    a.period,
    a.errors,
    a.warnings,
    a.catalogueVersion,
    a.fingerprint,
    a.values ?? "",
  ];
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * The approvals recorded in a 审核记录 sheet, oldest first. Rows without a well-formed fingerprint
 * (notes someone typed, an empty row) are skipped; a sheet without the header gives none.
 */
export function readApprovals(grid: SheetGrid | undefined): Approval[] {
  if (!grid) return [];
  const headerRow = grid.rows.findIndex((r) => (r ?? []).some((c) => cellText(c).includes("指纹")));
  if (headerRow < 0) return [];
  const columns = new Map<Field, number>();
  (grid.rows[headerRow] ?? []).forEach((c, col) => {
    const text = cellText(c);
    // 审核人 is not 审核时间: the first field whose word the header holds, each field once.
    const hit = FIELD_WORDS.find(([field, word]) => text.includes(word) && !columns.has(field));
    if (hit) columns.set(hit[0], col);
  });
  // A log begun before the values were kept: its header ends with the fingerprint, and rows appended
  // since have the values in the column after it.
  const header = grid.rows[headerRow] ?? [];
  const lastHeader = header.reduce((last, c, col) => (cellText(c) ? col : last), -1);
  if (!columns.has("values") && columns.get("fingerprint") === lastHeader)
    columns.set("values", lastHeader + 1);
  const out: Approval[] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const text = (f: Field) => {
      const col = columns.get(f);
      return col === undefined ? "" : cellText(row[col]);
    };
    const fp = text("fingerprint").toLowerCase();
    if (!HEX64.test(fp)) continue;
    out.push({
      time: text("time"),
      reviewer: text("reviewer"),
      sheet: text("sheet"),
      unit: text("unit"),
      period: text("period"),
      errors: Number(text("errors")) || 0,
      warnings: Number(text("warnings")) || 0,
      catalogueVersion: text("catalogueVersion"),
      fingerprint: fp,
      ...(text("values") ? { values: text("values") } : {}),
    });
  }
  return out;
}

/**
 * The latest approval of a sheet. Within the sheet's own workbook the sheet's name identifies it;
 * approvals kept elsewhere (`byUnit`) must also name the same unit.
 */
export function lastApproval(
  check: SheetCheck,
  approvals: Approval[],
  opts: { byUnit?: boolean } = {}
): Approval | undefined {
  for (let i = approvals.length - 1; i >= 0; i--) {
    const a = approvals[i];
    if (a.sheet !== check.sheet) continue;
    if (opts.byUnit && !(check.unit && a.unit && sameUnit(check.unit, a.unit))) continue;
    return a;
  }
  return undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** "2022-10-08 14:03:21 +08:00": the local time of `date` with its offset, so it reads the same anywhere. */
export function formatApprovalTime(date: Date): string {
  const off = -date.getTimezoneOffset();
  const sign = off >= 0 ? "+" : "-";
  const abs = Math.abs(off);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
