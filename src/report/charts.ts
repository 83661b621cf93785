/**
 * The bulletin's two charts as SVG text (docs/bulletin.md): statuses by category (stacked bars) and
 * each indicator's progress against its schedule (bars with a schedule mark). Plain SVG — rects,
 * lines and text, no CSS or filters — so that resvg on the command line and a browser's canvas in
 * the pane draw it alike. Sizes are in CSS pixels of a 560-wide drawing (156 mm on the page).
 */
import type { Status } from "../core/model/results";
import type { ChartSpec, ProgressChart, StatusByCategoryChart } from "./model";
import { STATUS_ORDER } from "./blocks";
import { statusWord } from "./format";
import { BULLETIN_HEADER, itemCount } from "../core/i18n/bulletin-labels";
import { GAP_HEADER } from "../core/i18n/gap-labels";

export const CHART_WIDTH = 560;

/** Fonts in order: the one shipped for the command line first, then those of Windows, macOS and Linux. */
export const CHART_FONTS =
  "'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', SimHei, sans-serif";

/** Colours that stay apart in print and in grey: green, blue, amber, red, purple, greys. */
export const CHART_COLOURS: Record<Status, string> = {
  met: "#3A8F4B",
  on_track: "#4A86C5",
  lagging: "#E3A21A",
  critical: "#C8373B",
  invalid: "#7E5AA8",
  no_data: "#A6A6A6",
  no_target: "#D0D0D0",
  not_applicable: "#D0D0D0",
};

const TEXT = "#262626";
const GRID = "#D9D9D9";

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

function esc(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const n1 = (x: number) => String(Math.round(x * 10) / 10);

function txt(
  x: number,
  y: number,
  s: string,
  opts: { size?: number; anchor?: "start" | "middle" | "end"; fill?: string; bold?: boolean } = {}
): string {
  const { size = 10, anchor = "start", fill = TEXT, bold = false } = opts;
  return `<text x="${n1(x)}" y="${n1(y)}" font-size="${size}" text-anchor="${anchor}" fill="${fill}"${bold ? ' font-weight="bold"' : ""}>${esc(s)}</text>`;
}

function rect(x: number, y: number, w: number, h: number, fill: string): string {
  return `<rect x="${n1(x)}" y="${n1(y)}" width="${n1(Math.max(0, w))}" height="${n1(h)}" fill="${fill}"/>`;
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1): string {
  return `<line x1="${n1(x1)}" y1="${n1(y1)}" x2="${n1(x2)}" y2="${n1(y2)}" stroke="${stroke}" stroke-width="${width}"/>`;
}

function wrap(width: number, height: number, body: string[]): ChartSvg {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(CHART_FONTS)}">` +
    `${rect(0, 0, width, height, "#FFFFFF")}${body.join("")}</svg>`;
  return { svg, width, height };
}

/** A row of coloured squares with words, from x; returns the elements. */
function legend(
  items: { colour: string; label: string; mark?: boolean }[],
  x: number,
  y: number
): string[] {
  const out: string[] = [];
  for (const it of items) {
    out.push(it.mark ? rect(x + 3, y - 9, 3, 12, TEXT) : rect(x, y - 8, 10, 10, it.colour));
    out.push(txt(x + 14, y + 1, it.label, { size: 10 }));
    x += 14 + it.label.length * 10 + 14;
  }
  return out;
}

/** Round steps for an axis up to `max`: 1, 2, 5, 10 … apart, about five of them. */
function steps(max: number): number[] {
  const raw = Math.max(1, max) / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(v);
  if (out[out.length - 1] < max) out.push(out[out.length - 1] + step);
  return out;
}

export function statusByCategorySvg(chart: StatusByCategoryChart): ChartSvg {
  const left = 100;
  const right = CHART_WIDTH - 44;
  const top = 32;
  const row = 21;
  const present = STATUS_ORDER.filter((s) => chart.bars.some((b) => (b.counts[s] ?? 0) > 0));
  const totals = chart.bars.map((b) => present.reduce((n, s) => n + (b.counts[s] ?? 0), 0));
  const ticks = steps(Math.max(1, ...totals));
  const scale = (right - left) / ticks[ticks.length - 1];
  const height = top + chart.bars.length * row + 26;
  const body: string[] = legend(
    present.map((s) => ({ colour: CHART_COLOURS[s], label: statusWord(s) })),
    left,
    14
  );
  for (const t of ticks) {
    body.push(
      line(left + t * scale, top - 4, left + t * scale, top + chart.bars.length * row, GRID)
    );
    body.push(
      txt(left + t * scale, top + chart.bars.length * row + 14, String(t), {
        size: 9,
        anchor: "middle",
      })
    );
  }
  chart.bars.forEach((b, i) => {
    const y = top + i * row + 3;
    body.push(txt(left - 8, y + 11, b.category, { anchor: "end" }));
    let x = left;
    for (const s of present) {
      const n = b.counts[s] ?? 0;
      if (!n) continue;
      body.push(rect(x, y, n * scale, row - 6, CHART_COLOURS[s]));
      if (n * scale >= 12)
        body.push(
          txt(x + (n * scale) / 2, y + 11, String(n), {
            size: 10,
            anchor: "middle",
            fill: "#FFFFFF",
            bold: true,
          })
        );
      x += n * scale;
    }
    body.push(txt(x + 5, y + 11, itemCount(totals[i]), { size: 9 }));
  });
  body.push(line(left, top - 4, left, top + chart.bars.length * row, TEXT));
  body.push(
    txt(right + 40, top + chart.bars.length * row + 14, BULLETIN_HEADER.indicatorCount, {
      size: 9,
      anchor: "end",
    })
  );
  return wrap(CHART_WIDTH, height, body);
}

/** Progress is drawn up to this share; longer bars are cut and labelled with their figure. */
const MAX_SHARE = 1.5;

export function progressSvg(chart: ProgressChart): ChartSvg {
  const catCol = 88;
  const left = 124;
  const right = CHART_WIDTH - 40;
  const top = 34;
  const row = 9.5;
  const gap = 6;
  const categories = Array.from(new Set(chart.columns.map((c) => c.category)));
  const height = top + chart.columns.length * row + (categories.length - 1) * gap + 28;
  const scale = (right - left) / MAX_SHARE;
  const x = (share: number) => left + Math.max(0, Math.min(MAX_SHARE, share)) * scale;
  const present = STATUS_ORDER.filter((s) =>
    chart.columns.some((c) => c.status === s && c.progress !== null)
  );
  const body: string[] = legend(
    [
      ...present.map((s) => ({ colour: CHART_COLOURS[s], label: statusWord(s) })),
      { colour: TEXT, label: GAP_HEADER.schedule, mark: true },
    ],
    left,
    14
  );
  const bottom = height - 28;
  for (let t = 0; t <= MAX_SHARE + 1e-9; t += 0.25) {
    body.push(line(x(t), top - 4, x(t), bottom, t === 1 ? "#8C8C8C" : GRID, t === 1 ? 1.2 : 1));
    body.push(txt(x(t), bottom + 14, `${Math.round(t * 100)}%`, { size: 9, anchor: "middle" }));
  }
  let y = top;
  categories.forEach((cat, ci) => {
    const cols = chart.columns.filter((c) => c.category === cat);
    if (ci > 0) body.push(line(4, y - gap / 2, right, y - gap / 2, GRID));
    // The category's name beside its rows, on as many lines of 8 characters as it needs.
    const lines = cat.match(/.{1,8}/g) ?? [cat];
    const mid = y + (cols.length * row) / 2 - ((lines.length - 1) * 11) / 2 + 4;
    lines.forEach((l, li) => body.push(txt(catCol, mid + li * 11, l, { size: 10, anchor: "end" })));
    cols.forEach((c, i) => body.push(...progressRow(c, y + i * row, row, x, left)));
    y += cols.length * row + gap;
  });
  body.push(line(left, top - 4, left, bottom, TEXT));
  body.push(txt(CHART_WIDTH - 4, bottom + 24, GAP_HEADER.progress, { size: 9, anchor: "end" }));
  return wrap(CHART_WIDTH, height, body);
}

function progressRow(
  c: ProgressChart["columns"][number],
  y: number,
  row: number,
  x: (s: number) => number,
  left: number
): string[] {
  const out = [txt(left - 6, y + 7.5, c.code, { size: 8.5, anchor: "end" })];
  if (c.progress === null) {
    // No bar to draw (no figure, or one that cannot be used): the status's word instead.
    out.push(
      txt(left + 4, y + 7.5, statusWord(c.status), { size: 8, fill: CHART_COLOURS[c.status] })
    );
  } else {
    // A bar of nothing still shows its colour: a stub of two pixels.
    const end = Math.max(x(c.progress), left + 2);
    out.push(rect(left, y + 2, end - left, row - 3, CHART_COLOURS[c.status]));
    const cut = c.progress > MAX_SHARE;
    // The figure right of the bar, or of the schedule mark when the bar stops short of it.
    const at = Math.max(end, c.schedule === null || cut ? 0 : x(c.schedule) + 2) + 3;
    out.push(
      txt(at, y + 7.5, `${(c.progress * 100).toFixed(1)}%${cut ? "→" : ""}`, {
        size: 7.5,
        fill: "#595959",
      })
    );
  }
  if (c.schedule !== null) out.push(rect(x(c.schedule) - 1.2, y + 0.5, 2.4, row - 0.5, TEXT));
  return out;
}

export function chartSvg(chart: ChartSpec): ChartSvg {
  return chart.kind === "status_by_category" ? statusByCategorySvg(chart) : progressSvg(chart);
}
