/** What the ribbon's Validate button (commands/validate-command.ts) writes, in Chinese and English. */
import type { Message } from "./messages";

/** What the ribbon's Validate button writes into 校验结果 (a function command has no other place). */
export const VALIDATE_COMMAND_TEXT = {
  summary: (sheets: string, errors: number, warnings: number, findingsSheet: string): Message => ({
    zh: `已校验“${sheets}”：错误 ${errors} 条，提示 ${warnings} 条，详见“${findingsSheet}”。`,
    en: `Validated ${sheets}: ${errors} errors, ${warnings} warnings; see ${findingsSheet}.`,
  }),
  failedTitle: "校验未完成 / Validation did not finish",
  // Only what is certain: the product never writes a value into a user's cell, but an interrupted
  // run can leave its marks and result sheets half written (the next run replaces them).
  failedHint: {
    zh: "校验时出错，未能全部完成。各单元格中的数值均未被改动，但单元格标注和结果表可能不完整；请检查当前工作表后再次点击“校验”，如问题持续，请在任务窗格中运行校验查看详情。",
    en: "An error stopped the validation before it finished. No cell value was changed, but cell marks and result sheets may be incomplete; check the active sheet and click Validate again, or run Validate from the task pane for details.",
  },
  skipped: (sheets: string[]): string =>
    `未校验（超出时限）：${sheets.join("、")}。请在任务窗格中逐表校验。 / Not validated (time limit): ${sheets.join(", ")}. Validate them one by one from the task pane.`,
  unmarked: (sheets: string[]): string =>
    `工作表“${sheets.join("、")}”设有密码保护，问题已列在上面，但未在单元格上标注。 / ${sheets.join(", ")}: protected with a password; the findings are listed above but the cells were not marked.`,
};
