/**
 * Texts of the 校验结果 sheet and of the notes on marked cells: headers, the count line, the words
 * for each severity. Chinese first, English second.
 */
import type { Message } from "./messages";
import type { Severity } from "../model/results";
import { SHEET_NAME } from "./sheet-names";

export const SEVERITY_WORD: Record<Severity, Message> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "提示", en: "Warning" },
};

/** Each column's header; a bulletin made from a workbook finds the columns by them. */
export const FINDINGS_HEADER = {
  no: "序号",
  severity: "严重程度",
  rule: "规则",
  sheet: "工作表",
  cell: "单元格",
  indicator: "指标",
  text: "原始内容",
  message: "问题说明",
  messageEn: "Message",
} as const;

/** The headers in the sheet's order. */
export const FINDINGS_HEADERS: readonly string[] = Object.values(FINDINGS_HEADER);

/** The title of the findings of a consolidation. */
export const CONSOLIDATION_FINDINGS_TITLE = `${SHEET_NAME.findings} / Validation findings (consolidation)`;

export const NO_FINDINGS = "未发现问题 / No problems found";

export function findingsCount(errors: number, warnings: number): string {
  return `错误 ${errors} 条，提示 ${warnings} 条 / ${errors} errors, ${warnings} warnings`;
}

/** The author a note the product writes is signed with (Excel shows it at the top of the note). */
export const NOTE_AUTHOR = "指标监测";

/** A finding as the note of its cell: "[错误] …". */
export function findingNote(severity: Severity, message: Message): string {
  return `[${SEVERITY_WORD[severity].zh}] ${message.zh}`;
}
