/**
 * Why the Excel adapter declined to change the workbook, found before any change was made, with
 * what the user can do about it. The pane and the ribbon command say the sentence as it is.
 * No Office global is touched here, so the pane's logic can import it anywhere.
 */
import type { Message } from "../../core/i18n/messages";
import { OFFICE_NEEDED, WORKBOOK_PROTECTED } from "../../core/i18n/excel-messages";

export type RefusalReason = "officeTooOld" | "workbookProtected";

const TEXTS: Record<RefusalReason, Message> = {
  officeTooOld: OFFICE_NEEDED,
  workbookProtected: WORKBOOK_PROTECTED,
};

export class ExcelRefusal extends Error {
  readonly text: Message;
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
