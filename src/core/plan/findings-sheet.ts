/** The 校验结果 sheet (findings, each linked to its cell) and the annotations of user cells. */
import type { Finding } from "../model/results";
import type { Annotation, PlanCell, PlanSheet } from "../model/plan";
import { FINDINGS_HEADERS, NO_FINDINGS, findingNote, findingsCount } from "../i18n/findings-labels";
import { SHEET_NAME } from "../i18n/sheet-names";
import {
  ALL_CLEAR_TEXT,
  HEADER_FILL,
  HEADER_TEXT,
  LINK_TEXT,
  SEVERITY_STYLE,
  SUBTLE_TEXT,
  TITLE_TEXT,
  wrappedRowHeight,
} from "./styles";

export const FINDINGS_SHEET = SHEET_NAME.findings;

const WIDTHS = [6, 10, 22, 16, 9, 8, 18, 60, 60];
const HEADER_ROW = 3;

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

/** Title, the count of errors and warnings, and the column headers. */
function headCells(findings: Finding[], title: string): PlanCell[] {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  return [
    { row: 0, col: 0, value: title, bold: true, size: 14, fontColor: TITLE_TEXT },
    { row: 1, col: 0, value: findingsCount(errors, warnings), fontColor: SUBTLE_TEXT },
    ...FINDINGS_HEADERS.map((h, col) => ({
      row: HEADER_ROW,
      col,
      value: h,
      bold: true,
      fill: HEADER_FILL,
      fontColor: HEADER_TEXT,
      align: "center" as const,
    })),
  ];
}

/** The cells of the `i`th finding, its cell linked when it is in this workbook. */
function findingCells(f: Finding, i: number): PlanCell[] {
  const row = HEADER_ROW + 1 + i;
  const sev = SEVERITY_STYLE[f.severity];
  const linked =
    f.cell && !f.file ? { link: { sheet: f.sheet, cell: f.cell }, fontColor: LINK_TEXT } : {};
  const cells: [PlanCell["value"], Partial<PlanCell>?][] = [
    [i + 1],
    [`${sev.symbol} ${sev.zh}`, { fill: sev.fill, fontColor: sev.text }],
    [f.rule],
    [f.file ? `${f.file} / ${f.sheet}` : f.sheet],
    [f.cell ?? "", linked],
    [f.indicator ?? ""],
    [f.text ?? ""],
    [f.message.zh, { wrap: true }],
    [f.message.en, { wrap: true }],
  ];
  return cells.map(([value, extra], col) => ({ row, col, value, ...extra }));
}

export function findingsSheet(findings: Finding[], title: string): PlanSheet {
  const cells = headCells(findings, title);
  const rowHeights: Record<number, number> = {};
  sortFindings(findings).forEach((f, i) => {
    cells.push(...findingCells(f, i));
    const height = wrappedRowHeight([
      { text: f.message.zh, width: WIDTHS[7] },
      { text: f.message.en, width: WIDTHS[8] },
    ]);
    if (height) rowHeights[HEADER_ROW + 1 + i] = height;
  });
  if (!findings.length)
    cells.push({ row: HEADER_ROW + 1, col: 0, value: NO_FINDINGS, fontColor: ALL_CLEAR_TEXT });
  return {
    name: FINDINGS_SHEET,
    cells,
    columnWidths: WIDTHS,
    rowHeights,
    freezeRows: HEADER_ROW + 1,
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
      note: list.map((f) => findingNote(f.severity, f.message)).join("\n"),
    };
  });
}
