/**
 * The bulletin in the task pane (docs/bulletin.md): loaded as a chunk of its own when the user asks
 * for it (BulletinButton), with the docx writer and the charts, never in the pane's first bundle.
 */
import type { ConsolidationResult } from "../core/consolidate";
import { bulletinFileName, localIsoDate, writeBulletin } from "./index";
import { sourceFromConsolidation } from "./source";
import { svgToPngCanvas } from "./png-browser";

/** The bulletin of a consolidation made in the pane, dated today; null when it has no figures. */
export async function bulletinForPane(
  result: ConsolidationResult,
  now: Date
): Promise<{ bytes: Uint8Array; name: string } | null> {
  const source = sourceFromConsolidation(result);
  if (!source || !source.indicators.length) return null;
  const bytes = await writeBulletin(source, { date: localIsoDate(now), rasterize: svgToPngCanvas });
  return { bytes, name: bulletinFileName(result.period, result.asOf) };
}
