/**
 * Why a file is not a workbook the product can read (workbook/package/open.ts): one sentence in
 * Chinese and English for each thing that makes it unusable, and the sentence that frames it.
 */
import type { Message } from "./messages";

export const NOT_A_WORKBOOK = {
  empty: { zh: "文件为空", en: "the file is empty" },
  encrypted: {
    zh: "工作簿设有打开密码（已加密），请在 Excel 或 WPS 中取消密码后重新保存",
    en: "the workbook is password-protected (encrypted); remove the password in Excel or WPS and save it again",
  },
  legacyOrEncrypted: {
    zh: "这是旧版 .xls 文件或加密的工作簿，请在 Excel 或 WPS 中（取消密码后）另存为 .xlsx",
    en: "this is an old .xls file or a password-protected workbook; save it as .xlsx (without a password) in Excel or WPS first",
  },
  notXlsx: { zh: "文件不是 .xlsx 格式", en: "the file is not in .xlsx format" },
  zipWithoutWorkbook: {
    zh: "这是压缩包，其中没有工作簿和工作表",
    en: "the file is a zip archive that holds no workbook and no worksheet",
  },
  noWorksheet: { zh: "文件中没有工作表", en: "the file holds no worksheet" },
  damaged: { zh: "文件已损坏或不是 .xlsx 格式", en: "the file is damaged or not in .xlsx format" },
} satisfies Record<string, Message>;

/** "无法读取工作簿：文件为空 / Cannot read the workbook: the file is empty", then the detail in brackets. */
export function cannotReadWorkbook(reason: Message, detail?: string): string {
  const tail = detail ? ` (${detail})` : "";
  return `无法读取工作簿：${reason.zh} / Cannot read the workbook: ${reason.en}${tail}`;
}
