/** How each status is shown (SPEC §6): Excel's own Good / Neutral / Bad cell-style colours, with a symbol and a word. */

import type { Status } from "../model/results";

export interface StatusStyle {
  /** Carries the status in print and for colour-blind readers. */
  symbol: string;
  zh: string;
  en: string;
  /** Cell fill (#RRGGBB), null for no fill. */
  fill: string | null;
  /** Text colour (#RRGGBB). */
  text: string;
}

/** Status display (SPEC §6): symbol + label in zh and en, fill and text colour. */
export const STATUS_STYLE: Record<Status, StatusStyle> = {
  met: { symbol: "✔", zh: "已达标", en: "Met", fill: "#C6EFCE", text: "#006100" },
  on_track: { symbol: "●", zh: "序时推进", en: "On track", fill: "#DDEBF7", text: "#1F4E78" },
  lagging: { symbol: "▲", zh: "滞后", en: "Lagging", fill: "#FFEB9C", text: "#9C5700" },
  critical: { symbol: "✖", zh: "严重滞后", en: "Critical", fill: "#FFC7CE", text: "#9C0006" },
  no_data: { symbol: "○", zh: "未填报", en: "No data", fill: "#EDEDED", text: "#595959" },
  no_target: { symbol: "–", zh: "无目标", en: "No target", fill: null, text: "#595959" },
  not_applicable: { symbol: "–", zh: "不适用", en: "N/A", fill: null, text: "#595959" },
  invalid: { symbol: "!", zh: "数据有误", en: "Invalid", fill: "#E4DFEC", text: "#5B2C6F" },
};

/** The label as shown in a cell, e.g. "✔ 已达标" or "✔ Met". */
export function statusLabel(status: Status, lang: "zh" | "en"): string {
  const style = STATUS_STYLE[status];
  return `${style.symbol} ${style[lang]}`;
}
