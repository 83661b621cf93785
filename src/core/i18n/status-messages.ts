/**
 * The word for each status of an indicator, Chinese and English: what the gap sheet, the pane,
 * the command line and the bulletin show beside its symbol and colour (score/status-style.ts).
 */
import type { Status } from "../model/results";
import type { Message } from "./messages";

export const STATUS_WORDS: Record<Status, Message> = {
  met: { zh: "已达标", en: "Met" },
  on_track: { zh: "序时推进", en: "On track" },
  lagging: { zh: "滞后", en: "Lagging" },
  critical: { zh: "严重滞后", en: "Critical" },
  no_data: { zh: "未填报", en: "No data" },
  no_target: { zh: "无目标", en: "No target" },
  not_applicable: { zh: "不适用", en: "N/A" },
  invalid: { zh: "数据有误", en: "Invalid" },
};
