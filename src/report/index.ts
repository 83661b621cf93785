/**
 * The quarterly bulletin (监测通报, docs/bulletin.md): its content built from a consolidation's
 * figures as data (content.ts), the charts drawn as SVG (charts.ts) and turned into PNG by the host
 * (resvg on the command line, a canvas in the pane), then the .docx (docx.ts).
 */
import type { BulletinSource } from "./model";
import { buildBulletin } from "./content";
import { chartSvg, type ChartSvg } from "./charts";
import { bulletinDocx, type Picture } from "./docx";
import { isoDate } from "../core/util/dates";

export type Rasterize = (chart: ChartSvg) => Promise<Uint8Array>;

export interface BulletinOptions {
  /** 成文日期 (ISO): the day it is issued. */
  date: string;
  rasterize: Rasterize;
}

/** The .docx bytes of the bulletin of `source`. */
export async function writeBulletin(
  source: BulletinSource,
  opts: BulletinOptions
): Promise<Uint8Array> {
  const bulletin = buildBulletin(source, opts.date);
  const pictures: Picture[] = [];
  for (const block of bulletin.blocks) {
    if (block.kind !== "chart") continue;
    const chart = chartSvg(block.chart);
    pictures.push({ png: await opts.rasterize(chart), width: chart.width, height: chart.height });
  }
  return bulletinDocx(bulletin, pictures);
}

/** A day as ISO, in the machine's own time zone (the office's day, not UTC's). */
export function localIsoDate(d: Date): string {
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** "监测通报-2022年第三季度.docx" */
export function bulletinFileName(period: string | null, asOf: string | null): string {
  const what = period ?? asOf ?? "";
  return `监测通报${what ? `-${what}` : ""}.docx`.replace(/[\\/:*?"<>|]/g, "_");
}
