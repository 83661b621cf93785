/**
 * The charts of a product sheet in the package: one drawing part (xl/drawings/drawingN.xml) that
 * places each chart over a range of cells (xdr:twoCellAnchor + xdr:graphicFrame), a chart part per
 * chart, and the relationships sheet → drawing → chart with their content types (docs/files.md).
 * When a product sheet is rewritten, the parts its old version owned go first, so a second run
 * leaves neither a second drawing nor orphan charts. A user's sheets and their charts are never
 * touched.
 */
import type { PlanSheet } from "../../core/model/plan";
import { chartRangeReader, rangeBox } from "../../core/plan/chart-data";
import { chartPartXml } from "./chart-xml";
import { REL_NS, parseRels, relativeTarget, relsPartOf, resolveTarget } from "./structure";
import type { ContentTypes, WorkbookParts } from "./workbook-edit";
import { RelsPart } from "./workbook-edit";
import type { ZipPackage } from "./zip";
import { xmlEscape } from "./xml";

export const REL_DRAWING = `${REL_NS}/drawing`;
export const REL_CHART = `${REL_NS}/chart`;
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

const XDR_NS =
  'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/** One chart's place: the cells its range covers, the corner after them (offsets 0). */
function anchorXml(range: string, index: number, name: string, rid: string): string {
  const b = rangeBox(range);
  const corner = (col: number, row: number) =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  // oneCell: the chart moves with its cells but keeps its size when the table's filter hides rows.
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${corner(b.left, b.top)}</xdr:from>` +
    `<xdr:to>${corner(b.right + 1, b.bottom + 1)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${xmlEscape(name)}"/>` +
    "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>" +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${CHART_URI}"><c:chart xmlns:c="${CHART_URI}" ` +
    `xmlns:r="${REL_NS}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
    "<xdr:clientData/></xdr:twoCellAnchor>"
  );
}

/**
 * Writes the sheet's charts and their drawing; returns the id of the sheet's relationship to the
 * drawing (for its <drawing r:id>), or undefined when the sheet has no chart.
 */
export function writeSheetCharts(
  pkg: ZipPackage,
  wb: WorkbookParts,
  sheetPart: string,
  ps: PlanSheet
): string | undefined {
  const charts = ps.charts?.charts ?? [];
  if (!charts.length) return undefined;
  const read = chartRangeReader(
    ps,
    charts.flatMap((c) => c.series.flatMap((s) => [s.categories, s.values]))
  );
  const drawing = wb.freePart("xl/drawings/drawing", ".xml");
  const drawingRels = RelsPart.of(pkg, drawing);
  const anchors = charts.map((chart, i) => {
    const part = wb.freePart("xl/charts/chart", ".xml");
    pkg.set(part, chartPartXml(chart, ps.name, read));
    wb.types.override(part, CT_CHART);
    return anchorXml(
      chart.anchor,
      i,
      chart.name,
      drawingRels.add(REL_CHART, relativeTarget(drawing, part))
    );
  });
  pkg.set(
    drawing,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr ${XDR_NS}>${anchors.join("")}</xdr:wsDr>`
  );
  pkg.set(drawingRels.part, drawingRels.toXml());
  wb.types.override(drawing, CT_DRAWING);
  const sheetRels = RelsPart.of(pkg, sheetPart);
  const rid = sheetRels.add(REL_DRAWING, relativeTarget(sheetPart, drawing));
  pkg.set(sheetRels.part, sheetRels.toXml());
  return rid;
}

/** The parts reached from `part` through relationships (internal ones), `part` excluded. */
function reachable(pkg: ZipPackage, part: string): Set<string> {
  const found = new Set<string>();
  const todo = [part];
  while (todo.length) {
    const from = todo.pop()!;
    for (const r of parseRels(pkg.text(relsPartOf(from)))) {
      if (r.external) continue;
      const to = resolveTarget(from, r.target);
      if (to !== part && !found.has(to) && pkg.has(to)) {
        found.add(to);
        todo.push(to);
      }
    }
  }
  return found;
}

/**
 * Removes what a product sheet's old version hung off it — its rels, and the parts only it reached
 * (its drawing, the drawing's charts, their styles) — before the sheet is written anew. A part
 * that something else also points to (a picture another sheet shows) stays.
 */
export function dropSheetParts(pkg: ZipPackage, types: ContentTypes, sheetPart: string): void {
  const owned = reachable(pkg, sheetPart);
  if (owned.size) {
    const ours = new Set([sheetPart, ...owned]);
    const elsewhere = new Set<string>();
    for (const name of pkg.names()) {
      const m = /^(.*\/)?_rels\/([^/]+)\.rels$/.exec(name);
      if (!m) continue;
      const owner = `${m[1] ?? ""}${m[2]}`;
      if (ours.has(owner)) continue;
      for (const r of parseRels(pkg.text(name)))
        if (!r.external) elsewhere.add(resolveTarget(owner, r.target));
    }
    for (const p of owned) {
      if (elsewhere.has(p)) continue;
      pkg.delete(p);
      pkg.delete(relsPartOf(p));
      types.removeOverride(p);
    }
  }
  pkg.delete(relsPartOf(sheetPart));
}
