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

export const FINDINGS_HEADERS: readonly string[] = [
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

/** The title of the findings of a consolidation. */
export const CONSOLIDATION_FINDINGS_TITLE = `${SHEET_NAME.findings} / Validation findings (consolidation)`;

export const NO_FINDINGS = "未发现问题 / No problems found";

export function findingsCount(errors: number, warnings: number): string {
  return `错误 ${errors} 条，提示 ${warnings} 条 / ${errors} errors, ${warnings} warnings`;
}

/** A finding as the note of its cell: "[错误] …". */
export function findingNote(severity: Severity, message: Message): string {
  return `[${SEVERITY_WORD[severity].zh}] ${message.zh}`;
}
