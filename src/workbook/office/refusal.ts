/**
 * Why the Excel adapter declined to change the workbook, found before any change was made, with
 * what the user can do about it. The pane and the ribbon command say the sentence as it is.
 * No Office global is touched here, so the pane's logic can import it anywhere.
 */
import type { Bilingual } from "./support";
import { OFFICE_NEEDED } from "./support";

export type RefusalReason = "officeTooOld" | "workbookProtected";

const TEXTS: Record<RefusalReason, Bilingual> = {
  officeTooOld: OFFICE_NEEDED,
  workbookProtected: {
    zh: "工作簿的结构受保护，无法添加或替换“校验结果”等工作表：请在“审阅”选项卡中点“保护工作簿”取消保护（可能需要密码）后重试。",
    en: "The workbook structure is protected, so sheets such as 校验结果 cannot be added or replaced: on the Review tab, click Protect Workbook to turn it off (it may ask for the password) and try again.",
  },
};

export class ExcelRefusal extends Error {
  readonly text: Bilingual;
  constructor(readonly reason: RefusalReason) {
    super(`${TEXTS[reason].zh} / ${TEXTS[reason].en}`);
    this.name = "ExcelRefusal";
    this.text = TEXTS[reason];
  }
}

/** What a write did not do, for the pane to say (empty when it did everything). */
export interface WriteReport {
  /** Sheets protected with a password: their cells were not marked; the findings are in 校验结果. */
  unmarkedSheets: string[];
  /** Cells whose note slot held a colleague's comment or note: they got the fill only. */
  fillOnlyCells: number;
  /** Sheets written without their charts: this Excel lacks the chart API (ExcelApi 1.8). */
  chartlessSheets?: string[];
}

export function emptyReport(): WriteReport {
  return { unmarkedSheets: [], fillOnlyCells: 0, chartlessSheets: [] };
}
