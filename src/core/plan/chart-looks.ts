/**
 * How statuses look in charts (docs/charts.md): the colours of the status cells
 * (docs/specification.md §6, in status-style.ts) — the fill inside, the text colour as outline
 * and pattern — and a pattern per status, so bars still differ in a grey print where the writer
 * can draw one. The symbol and word of each status are in the series' names, so the legend reads
 * without colour too.
 */
import type { ChartLook } from "../model/plan";
import { STATUSES, type Status } from "../model/results";
import { STATUS_STYLE } from "../score/status-style";

/** Statuses in the order charts stack them: done and on time first, then behind, then without figures. */
export const CHART_STATUS_ORDER: readonly Status[] = STATUSES;

const PATTERN: Record<Status, ChartLook["pattern"] | null> = {
  // Met is the one solid bar, in its dark green: it reads darkest in grey.
  met: null,
  on_track: "dots",
  lagging: "stripes",
  critical: "crosshatch",
  invalid: "grid",
  no_data: null,
  no_target: "horizontal",
  not_applicable: "horizontal",
};

/** The look of a status's bars. */
export function statusLook(status: Status): ChartLook {
  const st = STATUS_STYLE[status];
  if (status === "met") return { fill: st.text, line: st.text };
  const pattern = PATTERN[status];
  return { fill: st.fill ?? "#FFFFFF", line: st.text, ...(pattern ? { pattern } : {}) };
}

/** A status as a series is named: its symbol and word, "▲ 滞后". */
export function statusName(status: Status): string {
  return `${STATUS_STYLE[status].symbol} ${STATUS_STYLE[status].zh}`;
}

/** The schedule (序时进度) over bars: a dark dash at each indicator's figure, no line between. */
export const SCHEDULE_LOOK: ChartLook = {
  fill: "#262626",
  line: "#262626",
  marker: "dash",
  lineStyle: "none",
};

/** Plain bars of one series (scores): the blue of the sheets' data bars. */
export const PLAIN_BARS: ChartLook = { fill: "#5B9BD5", line: "#1F4E78" };
