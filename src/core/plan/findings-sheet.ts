/** The 校验结果 sheet (findings, each linked to its cell) and the annotations of user cells. */
import type { Finding } from "../model/results";
import type { Annotation, PlanCell, PlanSheet } from "../model/plan";
import {
  HEADER_FILL,
  HEADER_TEXT,
  LINK_TEXT,
  SEVERITY_STYLE,
  SUBTLE_TEXT,
  TITLE_TEXT,
  wrappedRowHeight,
} from "./styles";

export const FINDINGS_SHEET = "校验结果";

const HEADERS = [
  "序号",
  "严重程度",
  "规则",
  "工作表",
  "单元格",
  "指标",
  "原始内容",
  "问题说明",
  "Message",
];
const WIDTHS = [6, 10, 22, 16, 9, 8, 18, 60, 60];

/** Errors first, then warnings; within each, by sheet and row order. */
export function sortFindings(findings: Finding[]): Finding[] {
  const rowOf = (cell?: string) => (cell ? Number(/\d+/.exec(cell)?.[0] ?? 0) : 0);
  return [...findings].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      (a.file ?? "").localeCompare(b.file ?? "") ||
      a.sheet.localeCompare(b.sheet) ||
      rowOf(a.cell) - rowOf(b.cell)
  );
}

export function findingsSheet(findings: Finding[], title: string): PlanSheet {
  const cells: PlanCell[] = [];
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  cells.push({ row: 0, col: 0, value: title, bold: true, size: 14, fontColor: TITLE_TEXT });
  cells.push({
    row: 1,
    col: 0,
    value: `错误 ${errors} 条，提示 ${warnings} 条 / ${errors} errors, ${warnings} warnings`,
    fontColor: SUBTLE_TEXT,
  });
  const headerRow = 3;
  const rowHeights: Record<number, number> = {};
  HEADERS.forEach((h, c) =>
    cells.push({
      row: headerRow,
      col: c,
      value: h,
      bold: true,
      fill: HEADER_FILL,
      fontColor: HEADER_TEXT,
      align: "center",
    })
  );
  sortFindings(findings).forEach((f, i) => {
    const r = headerRow + 1 + i;
    const sev = SEVERITY_STYLE[f.severity];
    cells.push({ row: r, col: 0, value: i + 1 });
    cells.push({
      row: r,
      col: 1,
      value: `${sev.symbol} ${sev.zh}`,
      fill: sev.fill,
      fontColor: sev.text,
    });
    cells.push({ row: r, col: 2, value: f.rule });
    cells.push({ row: r, col: 3, value: f.file ? `${f.file} / ${f.sheet}` : f.sheet });
    cells.push({
      row: r,
      col: 4,
      value: f.cell ?? "",
      ...(f.cell && !f.file
        ? { link: { sheet: f.sheet, cell: f.cell }, fontColor: LINK_TEXT }
        : {}),
    });
    cells.push({ row: r, col: 5, value: f.indicator ?? "" });
    cells.push({ row: r, col: 6, value: f.text ?? "" });
    cells.push({ row: r, col: 7, value: f.message.zh, wrap: true });
    cells.push({ row: r, col: 8, value: f.message.en, wrap: true });
    const height = wrappedRowHeight([
      { text: f.message.zh, width: WIDTHS[7] },
      { text: f.message.en, width: WIDTHS[8] },
    ]);
    if (height) rowHeights[r] = height;
  });
  if (!findings.length)
    cells.push({
      row: headerRow + 1,
      col: 0,
      value: "未发现问题 / No problems found",
      fontColor: "#006100",
    });
  return {
    name: FINDINGS_SHEET,
    cells,
    columnWidths: WIDTHS,
    rowHeights,
    freezeRows: headerRow + 1,
    landscape: true,
  };
}

/** One annotation per cell with findings: the worst severity's fill, all messages in the note. */
export function annotationsFor(findings: Finding[], userSheets: Set<string>): Annotation[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.cell || f.file || !userSheets.has(f.sheet)) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  return Array.from(byCell.values(), (list) => {
    const worst = list.some((f) => f.severity === "error") ? "error" : "warning";
    return {
      sheet: list[0].sheet,
      cell: list[0].cell!,
      fill: SEVERITY_STYLE[worst].fill,
      note: list.map((f) => `[${SEVERITY_STYLE[f.severity].zh}] ${f.message.zh}`).join("\n"),
    };
  });
}
