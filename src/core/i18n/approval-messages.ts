/**
 * Texts of approval that are not findings: why an approval was refused. Chinese first, English second.
 */
import type { Message } from "./messages";

export const APPROVAL_REFUSED = {
  noReviewer: (): Message => ({
    zh: "请先填写审核人姓名。",
    en: "Enter the reviewer's name first.",
  }),
  notRecognised: (sheet: string): Message => ({
    zh: `工作表“${sheet}”不是可识别的监测表，不能审核。`,
    en: `Sheet "${sheet}" is not a monitoring sheet the product can read, so it cannot be approved.`,
  }),
  /** `first` names the first error: its cell and message. */
  hasErrors: (sheet: string, errors: number, first: Message): Message => ({
    zh: `工作表“${sheet}”有 ${errors} 条错误，修正后才能审核。第一条：${first.zh}`,
    en: `Sheet "${sheet}" has ${errors} error${errors === 1 ? "" : "s"}; fix ${errors === 1 ? "it" : "them"} before approving. First: ${first.en}`,
  }),
};
