/** How each status is shown (docs/specification.md §6): Excel's own Good / Neutral / Bad cell-style colours, with a symbol and a word. */

import type { Status } from "../model/results";
import { STATUS_WORDS } from "../i18n/status-messages";

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

/** A status's symbol and colours, with its words from i18n/status-messages.ts. */
function style(status: Status, symbol: string, fill: string | null, text: string): StatusStyle {
  const words = STATUS_WORDS[status];
  return { symbol, zh: words.zh, en: words.en, fill, text };
}

/** Status display (docs/specification.md §6): symbol + label in zh and en, fill and text colour. */
export const STATUS_STYLE: Record<Status, StatusStyle> = {
  met: style("met", "✔", "#C6EFCE", "#006100"),
  on_track: style("on_track", "●", "#DDEBF7", "#1F4E78"),
  lagging: style("lagging", "▲", "#FFEB9C", "#9C5700"),
  critical: style("critical", "✖", "#FFC7CE", "#9C0006"),
  no_data: style("no_data", "○", "#EDEDED", "#595959"),
  no_target: style("no_target", "–", null, "#595959"),
  not_applicable: style("not_applicable", "–", null, "#595959"),
  invalid: style("invalid", "!", "#E4DFEC", "#5B2C6F"),
};

/** The label as shown in a cell, e.g. "✔ 已达标" or "✔ Met". */
export function statusLabel(status: Status, lang: "zh" | "en"): string {
  const style = STATUS_STYLE[status];
  return `${style.symbol} ${style[lang]}`;
}
