/**
 * A planned chart as a DrawingML chart part (xl/charts/chartN.xml, ECMA-376 Part 1, 21.2): bars
 * (c:barChart) or lines (c:lineChart), or both on the same axes, each series with its formulas
 * into the sheet and a copy of the figures (c:strCache, c:numCache) that Excel, WPS and
 * LibreOffice show until they recalculate. Elements are written in the schema's order.
 */
import { cellAddress } from "../../core/model/cells";
import type {
  ChartLook,
  PlanChart,
  PlanChartAxis,
  PlanChartSeries,
  PlanValue,
} from "../../core/model/plan";
import { rangeBox } from "../../core/plan/chart-data";
import type { RangeValues } from "../../core/plan/chart-data";
import { xmlEscape } from "./xml";

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const CAT_AXIS = 500100;
const VAL_AXIS = 500200;
const TEXT = "404040";
const GRID = "D9D9D9";

/** DrawingML's preset patterns for the model's (ECMA-376 20.1.10.51 ST_PresetPatternVal). */
const PATTERNS: Record<NonNullable<ChartLook["pattern"]>, string> = {
  dots: "pct25",
  stripes: "wdUpDiag",
  crosshatch: "diagCross",
  grid: "smGrid",
  horizontal: "ltHorz",
};

const MARKERS: Record<NonNullable<ChartLook["marker"]>, string> = {
  circle: "circle",
  diamond: "diamond",
  triangle: "triangle",
  square: "square",
  dash: "dash",
};

const LABEL_POSITIONS = { center: "ctr", outsideEnd: "outEnd", insideBase: "inBase" } as const;

const rgb = (hex: string | undefined, fallback: string) =>
  (hex ?? `#${fallback}`).replace("#", "").toUpperCase();

/** "'差距分析'!$AA$12:$AA$16": a range of the sheet as a chart's formula. */
export function chartFormula(sheet: string, range: string): string {
  const b = rangeBox(range);
  const abs = (row: number, col: number) => cellAddress(row, col).replace(/^([A-Z]+)/, "$$$1$$");
  const from = abs(b.top, b.left);
  const to = abs(b.bottom, b.right);
  return `'${sheet.replace(/'/g, "''")}'!${from === to ? from : `${from}:${to}`}`;
}

function solid(hex: string): string {
  return `<a:solidFill><a:srgbClr val="${hex}"/></a:solidFill>`;
}

function outline(hex: string | null, width = 9525, dash = false): string {
  if (hex === null) return "<a:ln><a:noFill/></a:ln>";
  return `<a:ln w="${width}">${solid(hex)}${dash ? '<a:prstDash val="dash"/>' : ""}</a:ln>`;
}

/** A fill: the look's pattern in its line colour over its fill colour, or the fill alone. */
function fill(look: ChartLook): string {
  const bg = rgb(look.fill, "FFFFFF");
  if (!look.pattern) return solid(bg);
  return (
    `<a:pattFill prst="${PATTERNS[look.pattern]}"><a:fgClr><a:srgbClr val="${rgb(look.line, TEXT)}"/></a:fgClr>` +
    `<a:bgClr><a:srgbClr val="${bg}"/></a:bgClr></a:pattFill>`
  );
}

/** Text properties: size in points, bold, colour; `upright`: turned to read upwards. */
function txPr(points: number, bold = false, color = TEXT, upright = false): string {
  return (
    `<c:txPr>${upright ? '<a:bodyPr rot="-5400000" vert="horz"/>' : "<a:bodyPr/>"}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="${Math.round(points * 100)}" b="${bold ? 1 : 0}">` +
    `${solid(color)}</a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`
  );
}

/** A title (of the chart or an axis) as rich text. */
function title(text: string, points: number, bold: boolean): string {
  const size = Math.round(points * 100);
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" altLang="en-US" sz="${size}" b="${bold ? 1 : 0}">${solid("262626")}</a:rPr>` +
    `<a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function points(values: PlanValue[], keep: (v: PlanValue) => boolean): string {
  let out = "";
  values.forEach((v, i) => {
    if (v === null || !keep(v)) return;
    const text = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    out += `<c:pt idx="${i}"><c:v>${xmlEscape(text)}</c:v></c:pt>`;
  });
  return out;
}

/** The categories: numbers as c:numRef, anything else as text (c:strRef). */
function categoriesXml(formula: string, data: RangeValues): string {
  const n = data.values.length;
  const allNumbers = data.values.every((v) => v === null || typeof v === "number");
  if (allNumbers && data.values.some((v) => v !== null))
    return `<c:cat>${numRef(formula, data)}</c:cat>`;
  return (
    `<c:cat><c:strRef><c:f>${xmlEscape(formula)}</c:f><c:strCache><c:ptCount val="${n}"/>` +
    `${points(data.values, () => true)}</c:strCache></c:strRef></c:cat>`
  );
}

function numRef(formula: string, data: RangeValues): string {
  return (
    `<c:numRef><c:f>${xmlEscape(formula)}</c:f><c:numCache><c:formatCode>${xmlEscape(data.numFmt ?? "General")}</c:formatCode>` +
    `<c:ptCount val="${data.values.length}"/>` +
    `${points(data.values, (v) => typeof v === "number" && Number.isFinite(v))}</c:numCache></c:numRef>`
  );
}

function labelsXml(labels: PlanChartSeries["labels"]): string {
  if (!labels) return "";
  const position = labels.position ?? "center";
  // Written on a white box: a count stays readable over a patterned bar.
  const box =
    position === "center"
      ? `<c:spPr>${solid("FFFFFF")}${outline(null)}</c:spPr>`
      : `<c:spPr><a:noFill/>${outline(null)}</c:spPr>`;
  return (
    `<c:dLbls><c:numFmt formatCode="${xmlEscape(labels.numFmt)}" sourceLinked="0"/>${box}${txPr(9, true, "262626")}` +
    `<c:dLblPos val="${LABEL_POSITIONS[position]}"/><c:showLegendKey val="0"/><c:showVal val="1"/>` +
    '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
  );
}

export type RangeReader = (range: string) => RangeValues;

/** One series: name, look, labels, then its categories and values with their copies. */
function seriesXml(
  s: PlanChartSeries,
  index: number,
  sheet: string,
  read: RangeReader,
  asLine: boolean
): string {
  const look = s.look;
  const head = `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${xmlEscape(s.name)}</c:v></c:tx>`;
  let body: string;
  if (asLine) {
    const line = look.lineStyle === "none" ? null : rgb(look.line, TEXT);
    const marker = look.marker
      ? `<c:marker><c:symbol val="${MARKERS[look.marker]}"/><c:size val="${look.marker === "dash" ? 14 : 7}"/>` +
        `<c:spPr>${fill(look)}${outline(rgb(look.line, TEXT))}</c:spPr></c:marker>`
      : '<c:marker><c:symbol val="none"/></c:marker>';
    body = `<c:spPr>${outline(line, 22225, look.lineStyle === "dash")}</c:spPr>${marker}`;
  } else {
    body = `<c:spPr>${fill(look)}${outline(rgb(look.line, TEXT))}</c:spPr><c:invertIfNegative val="0"/>`;
  }
  const cat = categoriesXml(chartFormula(sheet, s.categories), read(s.categories));
  const val = `<c:val>${numRef(chartFormula(sheet, s.values), read(s.values))}</c:val>`;
  return `${head}${body}${labelsXml(s.labels)}${cat}${val}${asLine ? '<c:smooth val="0"/>' : ""}</c:ser>`;
}

const axisIds = `<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/>`;

/** The plot's chart groups: the bars (c:barChart) and the lines (c:lineChart), on the same axes. */
function groupsXml(chart: PlanChart, sheet: string, read: RangeReader): string {
  const lines = chart.kind === "line" ? chart.series : chart.series.filter((s) => s.as === "line");
  const bars = chart.kind === "line" ? [] : chart.series.filter((s) => s.as !== "line");
  let out = "";
  if (bars.length) {
    const grouping = chart.stacked ? "stacked" : "clustered";
    out +=
      `<c:barChart><c:barDir val="${chart.kind === "bar" ? "bar" : "col"}"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>` +
      bars.map((s) => seriesXml(s, chart.series.indexOf(s), sheet, read, false)).join("") +
      `<c:gapWidth val="${chart.stacked ? 60 : 80}"/>${chart.stacked ? '<c:overlap val="100"/>' : ""}${axisIds}</c:barChart>`;
  }
  if (lines.length) {
    out +=
      '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
      lines.map((s) => seriesXml(s, chart.series.indexOf(s), sheet, read, true)).join("") +
      `<c:marker val="1"/>${axisIds}</c:lineChart>`;
  }
  return out;
}

function categoryAxisXml(chart: PlanChart): string {
  const axis: PlanChartAxis = chart.categoryAxis ?? {};
  return (
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="${axis.reverse ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="${axis.hidden ? 1 : 0}"/><c:axPos val="${chart.kind === "bar" ? "l" : "b"}"/>` +
    `${axis.title ? title(axis.title, 10, false) : ""}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>' +
    // Every label kept: turned upright, so that one per indicator fits side by side.
    `<c:spPr>${outline("BFBFBF")}</c:spPr>${txPr(10, false, TEXT, axis.everyLabel)}` +
    `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/>` +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>' +
    `${axis.everyLabel ? '<c:tickLblSkip val="1"/>' : ""}<c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

function valueAxisXml(chart: PlanChart): string {
  const axis: PlanChartAxis = chart.valueAxis ?? {};
  const scaling =
    '<c:scaling><c:orientation val="minMax"/>' +
    `${axis.max === undefined ? "" : `<c:max val="${axis.max}"/>`}${axis.min === undefined ? "" : `<c:min val="${axis.min}"/>`}</c:scaling>`;
  const grid = axis.hidden
    ? ""
    : `<c:majorGridlines><c:spPr>${outline(GRID, 6350)}</c:spPr></c:majorGridlines>`;
  // Categories read downwards: the value axis then crosses at the last one, at the bottom.
  const crosses = chart.categoryAxis?.reverse ? "max" : "autoZero";
  return (
    `<c:valAx><c:axId val="${VAL_AXIS}"/>${scaling}<c:delete val="${axis.hidden ? 1 : 0}"/>` +
    `<c:axPos val="${chart.kind === "bar" ? "b" : "l"}"/>${grid}${axis.title ? title(axis.title, 10, false) : ""}` +
    `<c:numFmt formatCode="${xmlEscape(axis.numFmt ?? "General")}" sourceLinked="0"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:spPr>${outline(null)}</c:spPr>${txPr(10)}<c:crossAx val="${CAT_AXIS}"/><c:crosses val="${crosses}"/>` +
    `<c:crossBetween val="between"/>${axis.step ? `<c:majorUnit val="${axis.step}"/>` : ""}</c:valAx>`
  );
}

const LEGEND = { bottom: "b", right: "r", top: "t" } as const;

/** The chart part's XML. `read` gives the values of the sheet's ranges, for the copies. */
export function chartPartXml(chart: PlanChart, sheet: string, read: RangeReader): string {
  const legend =
    chart.legend === "none"
      ? ""
      : `<c:legend><c:legendPos val="${LEGEND[chart.legend ?? "bottom"]}"/><c:overlay val="0"/>${txPr(10)}</c:legend>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace ${NS}>` +
    '<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/><c:chart>' +
    `${title(chart.title, 13, true)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `${groupsXml(chart, sheet, read)}${categoryAxisXml(chart)}${valueAxisXml(chart)}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="${chart.visibleOnly ? 1 : 0}"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solid("FFFFFF")}${outline("D9D9D9")}</c:spPr>${txPr(10)}` +
    '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/>' +
    "<c:pageSetup/></c:printSettings></c:chartSpace>"
  );
}
