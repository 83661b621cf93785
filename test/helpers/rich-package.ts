/**
 * Realistic workbooks holding every kind of part real Excel and WPS files hold — charts, chart
 * sheets, pictures, WPS cell pictures, pivot tables, macros, threaded comments, notes, validation,
 * conditional formats, defined names, external links, custom XML, document properties, macro and
 * dialog sheets — made by adding those parts to a real monitoring sample, so the lossless rule
 * (test/workbook/lossless.test.ts) is checked on what users actually send.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync, zlibSync } from "fflate";

export const KINDS = [
  "chart",
  "chartsheet",
  "picture",
  "cellimage",
  "pivot",
  "vba",
  "comments",
  "validation",
  "names",
  "external",
  "customxml",
  "docprops",
  "macrosheet",
  "bug2591",
] as const;
export type Kind = (typeof KINDS)[number];

/** The samples the parts are added to: one with errors (analyse marks cells), one without (approve works). */
export const BASES = {
  errors: {
    file: "samples/04-市农业农村局-2022Q3-有错误.xlsx",
    sheet: "监测表（第三季度）",
    header: 3,
    first: 4,
    last: 17,
  },
  clean: { file: "samples/02-那吾镇-2022Q3.xlsx", sheet: "那吾镇", header: 4, first: 6, last: 16 },
} as const;
export type BaseName = keyof typeof BASES;
type Base = (typeof BASES)[BaseName];

/** Kinds whose file is macro-enabled and must be named .xlsm. */
export function extensionOf(kind: Kind | "all"): ".xlsx" | ".xlsm" {
  return kind === "vba" || kind === "macrosheet" || kind === "all" ? ".xlsm" : ".xlsx";
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const MS_REL = "http://schemas.microsoft.com/office";
const CT = "application/vnd.openxmlformats-officedocument";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const ROOT_REL = "_rels/.rels";
const WB = "xl/workbook.xml";

/** CT_Worksheet's child order: a part added out of order is a file Excel repairs. */
const SHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTags",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Inserts `fragment` as a child of the root before the first sibling that comes later in `order`;
 * with `collection`, inside that collection element (created when missing, its count kept right).
 */
export function insertChild(
  xml: string,
  order: string[],
  name: string,
  fragment: string,
  collection?: { name: string; counted: boolean }
): string {
  if (collection) {
    const open = new RegExp(`<${collection.name}(\\s[^>]*)?>`).exec(xml);
    if (open) {
      const close = xml.indexOf(`</${collection.name}>`, open.index);
      const n =
        (xml.slice(open.index, close).match(new RegExp(`<${name}[\\s/>]`, "g")) ?? []).length + 1;
      const tag = open[0].replace(/count="\d+"/, `count="${n}"`);
      return (
        xml.slice(0, open.index) +
        tag +
        xml.slice(open.index + open[0].length, close) +
        fragment +
        xml.slice(close)
      );
    }
    return insertChild(
      xml,
      order,
      collection.name,
      `<${collection.name}${collection.counted ? ' count="1"' : ""}>${fragment}</${collection.name}>`
    );
  }
  for (const later of order.slice(order.indexOf(name) + 1)) {
    const at = new RegExp(`<${later}[\\s/>]`).exec(xml);
    if (at) return xml.slice(0, at.index) + fragment + xml.slice(at.index);
  }
  const end = xml.lastIndexOf("</");
  return xml.slice(0, end) + fragment + xml.slice(end);
}

/** A package being enriched: its parts by name, with the edits every kind needs. */
export class RichPackage {
  readonly files: Record<string, Uint8Array>;
  private sheetDrawing?: string;
  private notesParts?: { comments: string; vml: string };

  constructor(
    readonly base: Base,
    bytes: Uint8Array
  ) {
    this.files = unzipSync(bytes);
  }

  get sheetPart(): string {
    return "xl/worksheets/sheet1.xml";
  }

  text(name: string): string {
    const f = this.files[name];
    if (!f) throw new Error(`rich-package: no part ${name}`);
    return strFromU8(f);
  }

  set(name: string, content: string | Uint8Array): void {
    this.files[name] = typeof content === "string" ? strToU8(content) : content;
  }

  edit(name: string, f: (xml: string) => string): void {
    this.set(name, f(this.text(name)));
  }

  /** The first free "prefixN.ext". */
  next(prefix: string, ext: string): string {
    for (let n = 1; ; n++) if (!this.files[`${prefix}${n}.${ext}`]) return `${prefix}${n}.${ext}`;
  }

  /** Adds a relationship to `from`'s rels part and returns its id. */
  rel(from: string, type: string, target: string, external = false): string {
    const slash = from.lastIndexOf("/");
    const relsPart =
      from === "" ? ROOT_REL : `${from.slice(0, slash + 1)}_rels/${from.slice(slash + 1)}.rels`;
    const xml = this.files[relsPart]
      ? this.text(relsPart)
      : `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const used = new Set([...xml.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const entry = `<Relationship Id="rId${n}" Type="${type}" Target="${esc(target)}"${external ? ' TargetMode="External"' : ""}/>`;
    this.set(relsPart, xml.replace("</Relationships>", `${entry}</Relationships>`));
    return `rId${n}`;
  }

  override(part: string, contentType: string): void {
    this.edit("[Content_Types].xml", (x) =>
      x.replace("</Types>", `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`)
    );
  }

  defaultType(ext: string, contentType: string): void {
    if (this.text("[Content_Types].xml").includes(`Extension="${ext}"`)) return;
    this.edit("[Content_Types].xml", (x) =>
      x.replace("<Default ", `<Default Extension="${ext}" ContentType="${contentType}"/><Default `)
    );
  }

  /** Adds a part related from `from`, with its content type; returns the relationship id. */
  addPart(
    from: string,
    relType: string,
    part: string,
    content: string | Uint8Array,
    contentType?: string
  ): string {
    this.set(part, content);
    if (contentType) this.override(part, contentType);
    return this.rel(from, relType, relativeTo(from, part));
  }

  editSheet(name: string, fragment: string, collection?: { name: string; counted: boolean }): void {
    this.edit(this.sheetPart, (x) => insertChild(x, SHEET_ORDER, name, fragment, collection));
  }

  editWorkbook(name: string, fragment: string, collection?: string): void {
    this.edit(WB, (x) =>
      insertChild(
        x,
        WORKBOOK_ORDER,
        name,
        fragment,
        collection ? { name: collection, counted: false } : undefined
      )
    );
  }

  /** Adds a sheet of any kind at the end of the tabs; returns its part. */
  addSheet(
    kind: "worksheet" | "chartsheet" | "macrosheet" | "dialogsheet",
    name: string,
    xml: string
  ): string {
    const folder = {
      worksheet: "worksheets",
      chartsheet: "chartsheets",
      macrosheet: "macrosheets",
      dialogsheet: "dialogsheets",
    }[kind];
    const relType =
      kind === "macrosheet" ? `${MS_REL}/2006/relationships/xlMacrosheet` : `${NS_R}/${kind}`;
    const ct =
      kind === "macrosheet"
        ? "application/vnd.ms-excel.macrosheet+xml"
        : `${CT}.spreadsheetml.${kind}+xml`;
    const part = this.next(`xl/${folder}/sheet`, "xml");
    const rid = this.addPart(WB, relType, part, xml, ct);
    const ids = [...this.text(WB).matchAll(/sheetId="(\d+)"/g)].map((m) => +m[1]);
    this.edit(WB, (x) =>
      x.replace(
        "</sheets>",
        `<sheet name="${esc(name)}" sheetId="${Math.max(0, ...ids) + 1}" r:id="${rid}"/></sheets>`
      )
    );
    return part;
  }

  /** Index of `text` in the shared strings, appended when new. */
  sharedString(text: string): number {
    const xml = this.text("xl/sharedStrings.xml");
    const items = [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
      m[1].replace(/<[^>]+>/g, "")
    );
    const found = items.indexOf(esc(text));
    if (found >= 0) return found;
    this.set(
      "xl/sharedStrings.xml",
      xml
        .replace("</sst>", `<si><t>${esc(text)}</t></si></sst>`)
        .replace(/uniqueCount="\d+"/, `uniqueCount="${items.length + 1}"`)
    );
    return items.length;
  }

  /** The shown text of a cell of the monitoring sheet ('' when empty). */
  cell(ref: string): string {
    const m = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>([\\s\\S]*?)</c>)`).exec(
      this.text(this.sheetPart)
    );
    const v = m?.[2] ? (/<v>([\s\S]*?)<\/v>/.exec(m[2])?.[1] ?? "") : "";
    if (!m || !/t="s"/.test(m[1])) return v;
    const items = [...this.text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)];
    return (items[+v]?.[1] ?? "").replace(/<[^>]+>/g, "");
  }

  /** Appends a row below the monitoring sheet's last row. */
  appendRow(r: number, cells: string): void {
    this.edit(this.sheetPart, (x) => {
      const last = Math.max(...[...x.matchAll(/<row r="(\d+)"/g)].map((m) => +m[1]));
      if (r <= last) throw new Error(`rich-package: row ${r} is not below row ${last}`);
      return x
        .replace("</sheetData>", `<row r="${r}">${cells}</row></sheetData>`)
        .replace(/<dimension ref="A1:([A-Z]+)\d+"/, `<dimension ref="A1:$1${r}"`);
    });
  }

  /** The monitoring sheet's drawing part, created on first use. */
  drawing(): string {
    if (this.sheetDrawing) return this.sheetDrawing;
    const part = this.next("xl/drawings/drawing", "xml");
    const xml = `${DECL}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"></xdr:wsDr>`;
    const rid = this.addPart(this.sheetPart, `${NS_R}/drawing`, part, xml, `${CT}.drawing+xml`);
    this.editSheet("drawing", `<drawing r:id="${rid}"/>`);
    return (this.sheetDrawing = part);
  }

  addAnchor(anchorXml: string): void {
    this.edit(this.drawing(), (x) => x.replace("</xdr:wsDr>", `${anchorXml}</xdr:wsDr>`));
  }

  /** A PNG in xl/media related from `from`; returns the relationship id. */
  media(from: string, png: Uint8Array = tinyPng()): string {
    this.defaultType("png", "image/png");
    return this.addPart(from, `${NS_R}/image`, this.next("xl/media/image", "png"), png);
  }

  /** The monitoring sheet's comments part and VML drawing, created on first use. */
  notes(): { comments: string; vml: string } {
    if (this.notesParts) return this.notesParts;
    const comments = this.next("xl/comments", "xml");
    const vml = this.next("xl/drawings/vmlDrawing", "vml");
    this.addPart(
      this.sheetPart,
      `${NS_R}/comments`,
      comments,
      `${DECL}<comments xmlns="${NS_MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><authors></authors><commentList></commentList></comments>`,
      `${CT}.spreadsheetml.comments+xml`
    );
    this.defaultType("vml", `${CT}.vmlDrawing`);
    const rid = this.addPart(this.sheetPart, `${NS_R}/vmlDrawing`, vml, VML_HEAD + "</xml>");
    this.editSheet("legacyDrawing", `<legacyDrawing r:id="${rid}"/>`);
    return (this.notesParts = { comments, vml });
  }

  /** A note (legacy comment) on `ref`, with its box in the VML drawing. */
  addNote(ref: string, author: string, text: string, uid?: string): void {
    const { comments, vml } = this.notes();
    const xml = this.text(comments);
    const authors = [...xml.matchAll(/<author>([\s\S]*?)<\/author>/g)].map((m) => m[1]);
    let authorId = authors.indexOf(esc(author));
    if (authorId < 0) {
      authorId = authors.length;
      this.edit(comments, (x) =>
        x.replace("</authors>", `<author>${esc(author)}</author></authors>`)
      );
    }
    const comment = `<comment ref="${ref}" authorId="${authorId}" shapeId="0"${uid ? ` xr:uid="${uid}"` : ""}><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">${esc(text)}</t></r></text></comment>`;
    this.edit(comments, (x) => x.replace("</commentList>", `${comment}</commentList>`));
    const shapes = (this.text(vml).match(/<v:shape /g) ?? []).length;
    this.edit(vml, (x) => x.replace("</xml>", `${noteShape(1025 + shapes, ref)}\n</xml>`));
  }
}

/** The relative target Excel writes from one part to another. */
export function relativeTo(from: string, to: string): string {
  if (from === "") return to;
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

const VML_HEAD =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n' +
  ' <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">\n' +
  '  <v:stroke joinstyle="miter"/>\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>\n';

function noteShape(id: number, ref: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = +m[2] - 1;
  return (
    ` <v:shape id="_x0000_s${id}" type="#_x0000_t202" style='position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${id - 1024};visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto">\n` +
    '  <v:fill color2="#ffffe1"/>\n  <v:shadow on="t" color="black" obscured="t"/>\n  <v:path o:connecttype="none"/>\n' +
    "  <v:textbox style='mso-direction-alt:auto'>\n   <div style='text-align:left'></div>\n  </v:textbox>\n" +
    `  <x:ClientData ObjectType="Note">\n   <x:MoveWithCells/>\n   <x:SizeWithCells/>\n   <x:Anchor>\n    ${col + 1}, 15, ${row}, 2, ${col + 3}, 15, ${row + 4}, 4</x:Anchor>\n` +
    `   <x:AutoFill>False</x:AutoFill>\n   <x:Row>${row}</x:Row>\n   <x:Column>${col}</x:Column>\n  </x:ClientData>\n </v:shape>`
  );
}

// --- the kinds ---------------------------------------------------------------------------------

const col = (letter: string, p: RichPackage) => {
  const b = p.base;
  return Array.from({ length: b.last - b.first + 1 }, (_, i) => p.cell(`${letter}${b.first + i}`));
};
const ref = (p: RichPackage, range: string) => `'${p.base.sheet}'!${range}`;

/** A clustered bar chart of the sheet's base values by indicator, with its value caches. */
function barChartXml(p: RichPackage, title: string): string {
  const { header, first, last } = p.base;
  const names = col("B", p);
  const values = col("D", p);
  const pts = (xs: string[]) =>
    xs.map((v, i) => (v === "" ? "" : `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`)).join("");
  const ax = '<c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>';
  return (
    `${DECL}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="zh-CN"/><a:t>${esc(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>${esc(ref(p, `$D$${header}`))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(p.cell(`D${header}`))}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    '<c:spPr><a:solidFill><a:schemeClr val="accent1"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>' +
    `<c:cat><c:strRef><c:f>${esc(ref(p, `$B$${first}:$B$${last}`))}</c:f><c:strCache><c:ptCount val="${names.length}"/>${pts(names)}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(ref(p, `$D$${first}:$D$${last}`))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts(values)}</c:numCache></c:numRef></c:val>` +
    '</c:ser><c:gapWidth val="150"/><c:axId val="504336271"/><c:axId val="504335855"/></c:barChart>' +
    `<c:catAx><c:axId val="504336271"/>${ax}<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="504335855"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="504335855"/>${ax}<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="504336271"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings></c:chartSpace>'
  );
}

const COLORS_XML = `${DECL}<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" xmlns:a="${NS_A}" meth="cycle" id="10"><a:schemeClr val="accent1"/><a:schemeClr val="accent2"/><a:schemeClr val="accent3"/><cs:variation/><cs:variation><a:lumMod val="60000"/></cs:variation></cs:colorStyle>`;

/** A chart part related from `from` (a drawing), with its colour style; returns [rel id, chart part]. */
function addChart(p: RichPackage, from: string, title: string): [string, string] {
  const chart = p.next("xl/charts/chart", "xml");
  const rid = p.addPart(
    from,
    `${NS_R}/chart`,
    chart,
    barChartXml(p, title),
    `${CT}.drawingml.chart+xml`
  );
  p.addPart(
    chart,
    `${MS_REL}/2011/relationships/chartColorStyle`,
    p.next("xl/charts/colors", "xml"),
    COLORS_XML,
    "application/vnd.ms-office.chartcolorstyle+xml"
  );
  return [rid, chart];
}

/** A two-cell anchor right of the table, one band of rows per anchor already in the drawing. */
function anchor(p: RichPackage, body: string): string {
  const n = (p.text(p.drawing()).match(/<xdr:twoCellAnchor/g) ?? []).length;
  const id = n + 2;
  const at = (c: number, r: number) =>
    `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(9, 1 + n * 16)}</xdr:from><xdr:to>${at(16, 15 + n * 16)}</xdr:to>${body.replace("@ID", String(id))}<xdr:clientData/></xdr:twoCellAnchor>`;
}

const graphicFrame = (rid: string, name: string) =>
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="@ID" name="${name}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
  `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;

const picXml = (prefix: string, rid: string, name: string, id = "@ID") =>
  `<${prefix}:pic><${prefix}:nvPicPr><${prefix}:cNvPr id="${id}" name="${name}"/><${prefix}:cNvPicPr><a:picLocks noChangeAspect="1"/></${prefix}:cNvPicPr></${prefix}:nvPicPr>` +
  `<${prefix}:blipFill><a:blip xmlns:r="${NS_R}" r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></${prefix}:blipFill>` +
  `<${prefix}:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1905000" cy="1905000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></${prefix}:spPr></${prefix}:pic>`;

function chart(p: RichPackage): void {
  const [rid] = addChart(p, p.drawing(), "基期值");
  p.addAnchor(anchor(p, graphicFrame(rid, "图表 1")));
}

function chartsheet(p: RichPackage): void {
  const part = p.addSheet(
    "chartsheet",
    "基期值图表",
    `${DECL}<chartsheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetPr/><sheetViews><sheetView zoomScale="88" workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`
  );
  const drawing = p.next("xl/drawings/drawing", "xml");
  p.addPart(
    part,
    `${NS_R}/drawing`,
    drawing,
    `${DECL}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"></xdr:wsDr>`,
    `${CT}.drawing+xml`
  );
  const [rid] = addChart(p, drawing, "基期值（图表工作表）");
  const frame = graphicFrame(rid, "图表 1")
    .replace("@ID", "2")
    .replace('<a:ext cx="0" cy="0"/>', '<a:ext cx="8666049" cy="6293304"/>');
  p.edit(drawing, (x) =>
    x.replace(
      "</xdr:wsDr>",
      `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666049" cy="6293304"/>${frame}<xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`
    )
  );
}

function picture(p: RichPackage): void {
  const rid = p.media(p.drawing(), tinyPng(16, [192, 0, 0]));
  p.addAnchor(anchor(p, picXml("xdr", rid, "图片 1")));
}

/** WPS's picture in a cell: xl/cellimages.xml, and a DISPIMG formula naming the image. */
function cellimage(p: RichPackage): void {
  const id = "ID_5B0C3E6A9F2D4C7B8E1A0D3F6C9B2E51";
  const part = "xl/cellimages.xml";
  p.set(
    part,
    `${DECL}<etc:cellImages xmlns:xdr="${NS_XDR}" xmlns:r="${NS_R}" xmlns:a="${NS_A}" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"><etc:cellImage></etc:cellImage></etc:cellImages>`
  );
  const rid = p.media(part, tinyPng(16, [0, 153, 68]));
  p.edit(part, (x) =>
    x.replace("<etc:cellImage>", `<etc:cellImage>${picXml("xdr", rid, id, "2")}`)
  );
  p.override(part, "application/vnd.wps-officedocument.cellimage+xml");
  p.rel(WB, "http://www.wps.cn/officeDocument/2020/cellImage", "cellimages.xml");
  const r = p.base.last + 4;
  p.appendRow(
    r,
    `<c r="A${r}" t="s"><v>${p.sharedString("现场照片")}</v></c><c r="B${r}" t="str"><f>_xlfn.DISPIMG("${id}",1)</f><v>=DISPIMG("${id}",1)</v></c>`
  );
}

/** A pivot table of the first five indicators' base values by unit, on its own sheet, with its cache. */
function pivot(p: RichPackage): void {
  const { header, first } = p.base;
  const rows = [0, 1, 2, 3, 4].map((i) => ({
    name: p.cell(`B${first + i}`),
    unit: p.cell(`C${first + i}`),
    value: Number(p.cell(`D${first + i}`)),
  }));
  const units = [...new Set(rows.map((r) => r.unit))];
  const sums = units.map((u) => rows.filter((r) => r.unit === u).reduce((a, r) => a + r.value, 0));
  const fields = [p.cell(`B${header}`), p.cell(`C${header}`), p.cell(`D${header}`)];
  const values = rows.map((r) => r.value);
  const def =
    `${DECL}<pivotCacheDefinition xmlns="${NS_MAIN}" xmlns:r="${NS_R}" r:id="rId1" refreshedBy="王芳" refreshedDate="44834.6" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="${rows.length}">` +
    `<cacheSource type="worksheet"><worksheetSource ref="B${header}:D${first + 4}" sheet="${esc(p.base.sheet)}"/></cacheSource><cacheFields count="3">` +
    `<cacheField name="${esc(fields[0])}" numFmtId="0"><sharedItems/></cacheField>` +
    `<cacheField name="${esc(fields[1])}" numFmtId="0"><sharedItems count="${units.length}">${units.map((u) => `<s v="${esc(u)}"/>`).join("")}</sharedItems></cacheField>` +
    `<cacheField name="${esc(fields[2])}" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" minValue="${Math.min(...values)}" maxValue="${Math.max(...values)}"/></cacheField>` +
    "</cacheFields></pivotCacheDefinition>";
  const records = `${DECL}<pivotCacheRecords xmlns="${NS_MAIN}" xmlns:r="${NS_R}" count="${rows.length}">${rows.map((r) => `<r><s v="${esc(r.name)}"/><x v="${units.indexOf(r.unit)}"/><n v="${r.value}"/></r>`).join("")}</pivotCacheRecords>`;
  const dataName = `求和项:${fields[2]}`;
  const cells = [
    ["行标签", dataName],
    ...units.map((u, i) => [u, sums[i]]),
    ["总计", sums.reduce((a, b) => a + b, 0)],
  ];
  const sheetRows = cells.map(
    ([a, b], i) =>
      `<row r="${3 + i}"><c r="A${3 + i}" t="s"><v>${p.sharedString(String(a))}</v></c>${typeof b === "number" ? `<c r="B${3 + i}"><v>${b}</v></c>` : `<c r="B${3 + i}" t="s"><v>${p.sharedString(b)}</v></c>`}</row>`
  );
  const end = 3 + cells.length - 1;
  const sheet = p.addSheet(
    "worksheet",
    "透视表",
    `${DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><dimension ref="A3:B${end}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="12" customWidth="1"/><col min="2" max="2" width="16" customWidth="1"/></cols><sheetData>${sheetRows.join("")}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
  const cache = "xl/pivotCache/pivotCacheDefinition1.xml";
  const cacheRid = p.addPart(
    WB,
    `${NS_R}/pivotCacheDefinition`,
    cache,
    def,
    `${CT}.spreadsheetml.pivotCacheDefinition+xml`
  );
  p.addPart(
    cache,
    `${NS_R}/pivotCacheRecords`,
    "xl/pivotCache/pivotCacheRecords1.xml",
    records,
    `${CT}.spreadsheetml.pivotCacheRecords+xml`
  );
  p.editWorkbook("pivotCache", `<pivotCache cacheId="1" r:id="${cacheRid}"/>`, "pivotCaches");
  const table =
    `${DECL}<pivotTableDefinition xmlns="${NS_MAIN}" name="数据透视表1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1" multipleFieldFilters="0" rowHeaderCaption="${esc(fields[1])}">` +
    `<location ref="A3:B${end}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="3"><pivotField showAll="0"/>` +
    `<pivotField axis="axisRow" showAll="0"><items count="${units.length + 1}">${units.map((_, i) => `<item x="${i}"/>`).join("")}<item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>` +
    `<rowFields count="1"><field x="1"/></rowFields><rowItems count="${units.length + 1}">${units.map((_, i) => (i ? `<i><x v="${i}"/></i>` : "<i><x/></i>")).join("")}<i t="grand"><x/></i></rowItems>` +
    `<colItems count="1"><i/></colItems><dataFields count="1"><dataField name="${esc(dataName)}" fld="2" baseField="0" baseItem="0"/></dataFields>` +
    '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>';
  const tablePart = p.next("xl/pivotTables/pivotTable", "xml");
  p.addPart(sheet, `${NS_R}/pivotTable`, tablePart, table, `${CT}.spreadsheetml.pivotTable+xml`);
  p.rel(tablePart, `${NS_R}/pivotCacheDefinition`, relativeTo(tablePart, cache));
}

/** Makes the package macro-enabled: the main part's content type, and the workbook's code name. */
function macroEnabled(p: RichPackage): void {
  p.edit("[Content_Types].xml", (x) =>
    x.replace(
      `${CT}.spreadsheetml.sheet.main+xml`,
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    )
  );
  p.edit(WB, (x) =>
    x.includes("codeName=") ? x : x.replace("<workbookPr ", '<workbookPr codeName="ThisWorkbook" ')
  );
}

function vba(p: RichPackage): void {
  macroEnabled(p);
  // Any bytes serve: nothing reads the project, it only has to come back as it went. An OLE header makes it look the part.
  const bin = new Uint8Array(1536);
  bin.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 8; i < bin.length; i++) bin[i] = (i * 37 + 11) & 0xff;
  p.defaultType("bin", "application/vnd.ms-office.vbaProject");
  p.addPart(WB, `${MS_REL}/2006/relationships/vbaProject`, "xl/vbaProject.bin", bin);
  if (!p.text(p.sheetPart).includes("<sheetPr"))
    p.editSheet("sheetPr", '<sheetPr codeName="Sheet1"/>');
}

/** A threaded comment with a reply (its person list and legacy shadow note), and two plain notes. */
function comments(p: RichPackage): void {
  const { first } = p.base;
  const person = "{6F2B1A40-3C1D-4E8B-9A5F-2D7C0B1E4A93}";
  const thread = "{0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9}";
  const cell = `B${first + 4}`;
  p.addPart(
    WB,
    `${MS_REL}/2017/10/relationships/person`,
    "xl/persons/person.xml",
    `${DECL}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS_MAIN}"><person displayName="李明" id="${person}" userId="liming@hezuo.gov.cn" providerId="PeoplePicker"/></personList>`,
    "application/vnd.ms-excel.person+xml"
  );
  p.addPart(
    p.sheetPart,
    `${MS_REL}/2017/10/relationships/threadedComment`,
    p.next("xl/threadedComments/threadedComment", "xml"),
    `${DECL}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS_MAIN}">` +
      `<threadedComment ref="${cell}" dT="2022-10-08T09:12:33.41" personId="${person}" id="${thread}"><text>这一行请再核实口径</text></threadedComment>` +
      `<threadedComment ref="${cell}" dT="2022-10-08T10:02:05.17" personId="${person}" id="{9E8D7C6B-5A49-4382-B1A0-F9E8D7C6B5A4}" parentId="${thread}"><text>已与统计站核对</text></threadedComment></ThreadedComments>`,
    "application/vnd.ms-excel.threadedcomments+xml"
  );
  p.addNote(
    cell,
    `tc=${thread}`,
    "[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    这一行请再核实口径\nReply:\n    已与统计站核对",
    thread
  );
  p.addNote(`D${first + 1}`, "王芳", "王芳:\n基期值取自2020年统计年鉴");
  // A note on a cell analyse marks (the missing value of the errors sample): the product may replace it.
  p.addNote(`F${first + 6}`, "王芳", "王芳:\n数据待统计局核实");
}

/** Data validation and conditional formats (one needs a dxf in styles.xml). */
function validation(p: RichPackage): void {
  const { first, last } = p.base;
  p.edit("xl/styles.xml", (x) =>
    x.replace(
      /<dxfs count="0"\/>/,
      '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>'
    )
  );
  p.editSheet(
    "conditionalFormatting",
    `<conditionalFormatting sqref="F${first}:F${last}"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>$D${first}</formula></cfRule></conditionalFormatting>`
  );
  p.editSheet(
    "conditionalFormatting",
    `<conditionalFormatting sqref="G${first}:G${last}"><cfRule type="dataBar" priority="2"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar></cfRule></conditionalFormatting>`
  );
  const dv = { name: "dataValidations", counted: true };
  p.editSheet(
    "dataValidation",
    `<dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="输入有误" error="请填写不小于0的数字" promptTitle="本期完成值" prompt="只填数字" sqref="D${first}:D${last}"><formula1>0</formula1></dataValidation>`,
    dv
  );
  p.editSheet(
    "dataValidation",
    `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="C${first}:C${last}"><formula1>"个,亩,万亩,斤/亩,公斤/亩,头,只,%,万元"</formula1></dataValidation>`,
    dv
  );
}

function names(p: RichPackage): void {
  const { header, first, last } = p.base;
  const dn = (xml: string) => p.editWorkbook("definedName", xml, "definedNames");
  dn(
    `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${esc(ref(p, `$A$${header}:$H$${last}`))}</definedName>`
  );
  dn(
    `<definedName name="_xlnm.Print_Area" localSheetId="0">${esc(ref(p, `$A$1:$H$${last + 2}`))}</definedName>`
  );
  dn(
    `<definedName name="本期完成" localSheetId="0">${esc(ref(p, `$F$${first}:$F$${last}`))}</definedName>`
  );
  dn(
    `<definedName name="指标区域" comment="监测指标所在区域">${esc(ref(p, `$A$${first}:$H$${last}`))}</definedName>`
  );
  dn('<definedName name="目标年份">2023</definedName>');
}

/** An external link to last quarter's file, and a name that uses it. */
function external(p: RichPackage): void {
  const part = p.next("xl/externalLinks/externalLink", "xml");
  const rid = p.addPart(
    WB,
    `${NS_R}/externalLink`,
    part,
    `${DECL}<externalLink xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><externalBook r:id="rId1"><sheetNames><sheetName val="${esc(p.base.sheet)}"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="${p.base.first}"><cell r="F${p.base.first}"><v>3</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
    `${CT}.spreadsheetml.externalLink+xml`
  );
  p.rel(part, `${NS_R}/externalLinkPath`, "file:///D:/监测/2022Q2/监测表-2022Q2.xlsx", true);
  p.editWorkbook("externalReference", `<externalReference r:id="${rid}"/>`, "externalReferences");
  p.editWorkbook(
    "definedName",
    `<definedName name="上期完成值">[1]${esc(`'${p.base.sheet}'!$F$${p.base.first}`)}</definedName>`,
    "definedNames"
  );
}

function customxml(p: RichPackage): void {
  p.set(
    "customXml/item1.xml",
    `${DECL}<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" xmlns="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="\\APASixthEditionOfficeOnline.xsl" StyleName="APA" Version="6"></b:Sources>`
  );
  p.addPart(
    "customXml/item1.xml",
    `${NS_R}/customXmlProps`,
    "customXml/itemProps1.xml",
    `${DECL}<ds:datastoreItem ds:itemID="{3B9E2C41-7D5A-4F08-A6C3-1E2D4B5F6A70}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/></ds:schemaRefs></ds:datastoreItem>`,
    `${CT}.customXmlProperties+xml`
  );
  p.rel(WB, `${NS_R}/customXml`, "../customXml/item1.xml");
}

function docprops(p: RichPackage): void {
  const dc =
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
  p.set(
    "docProps/core.xml",
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ${dc}><dc:title>创新型县建设指标监测表</dc:title><dc:subject>2022年第三季度</dc:subject><dc:creator>王芳</dc:creator><cp:keywords>监测;创新型县</cp:keywords><dc:description>报送领导小组办公室</dc:description><cp:lastModifiedBy>李明</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2022-09-28T02:15:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2022-10-08T09:30:00Z</dcterms:modified><cp:category>统计报表</cp:category></cp:coreProperties>`
  );
  const prop = (pid: number, name: string, v: string) =>
    `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${pid}" name="${name}">${v}</property>`;
  p.addPart(
    "",
    `${NS_R}/custom-properties`,
    "docProps/custom.xml",
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${prop(2, "KSOProductBuildVer", "<vt:lpwstr>2052-11.1.0.12980</vt:lpwstr>")}${prop(3, "填报单位", "<vt:lpwstr>合作市</vt:lpwstr>")}${prop(4, "报送日期", "<vt:filetime>2022-10-08T00:00:00Z</vt:filetime>")}</Properties>`,
    `${CT}.custom-properties+xml`
  );
}

/** An Excel 4.0 macro sheet and a dialog sheet (both need a macro-enabled file). */
function macrosheet(p: RichPackage): void {
  macroEnabled(p);
  const margins =
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  p.addSheet(
    "macrosheet",
    "宏1",
    `${DECL}<xm:macrosheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><dimension ref="A1:A2"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData><row r="1"><c r="A1" t="b"><f>ALERT("已审核")</f><v>1</v></c></row><row r="2"><c r="A2" t="b"><f>RETURN()</f><v>1</v></c></row></sheetData>${margins}</xm:macrosheet>`
  );
  p.addSheet(
    "dialogsheet",
    "对话框1",
    `${DECL}<dialogsheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${margins}</dialogsheet>`
  );
  p.editWorkbook(
    "definedName",
    '<definedName name="提醒" function="1" xlm="1">宏1!$A$1</definedName>',
    "definedNames"
  );
}

/**
 * ExcelJS bug #2591: a chart holding a picture (a logo pasted into it). The chart's user shapes are
 * a drawing part (xl/drawings/drawingN.xml, root c:userShapes) with its own rels; ExcelJS reads
 * every xl/drawings/*.xml as a sheet drawing, gets no model for this one, and then, because it has
 * rels, reads `.anchors` of undefined in reconcile.
 */
function bug2591(p: RichPackage): void {
  const [rid, chartPart] = addChart(p, p.drawing(), "基期值（含徽标）");
  p.addAnchor(anchor(p, graphicFrame(rid, "图表 2")));
  const shapes = p.next("xl/drawings/drawing", "xml");
  const usRid = p.addPart(
    chartPart,
    `${NS_R}/chartUserShapes`,
    shapes,
    "",
    `${CT}.drawingml.chartshapes+xml`
  );
  const img = p.media(shapes, tinyPng(16, [255, 192, 0]));
  const cdr = "cdr";
  p.set(
    shapes,
    `${DECL}<c:userShapes xmlns:c="${NS_C}" xmlns:a="${NS_A}"><cdr:relSizeAnchor xmlns:cdr="http://schemas.openxmlformats.org/drawingml/2006/chartDrawing"><cdr:from><cdr:x>0.82</cdr:x><cdr:y>0.02</cdr:y></cdr:from><cdr:to><cdr:x>0.98</cdr:x><cdr:y>0.18</cdr:y></cdr:to>${picXml(cdr, img, "徽标", "2")}</cdr:relSizeAnchor></c:userShapes>`
  );
  p.edit(chartPart, (x) =>
    x.replace("</c:chartSpace>", `<c:userShapes r:id="${usRid}"/></c:chartSpace>`)
  );
}

const ADD: Record<Kind, (p: RichPackage) => void> = {
  chart,
  chartsheet,
  picture,
  cellimage,
  pivot,
  vba,
  comments,
  validation,
  names,
  external,
  customxml,
  docprops,
  macrosheet,
  bug2591,
};

/** The sample of `base` with the parts of `kind` added (every kind for 'all'), as .xlsx/.xlsm bytes. */
export function richWorkbook(kind: Kind | "all", base: BaseName = "errors"): Uint8Array {
  const b = BASES[base];
  const p = new RichPackage(b, readFileSync(path.resolve(__dirname, "../..", b.file)));
  for (const k of kind === "all" ? KINDS : [kind]) ADD[k](p);
  return zipSync(p.files, { level: 6 });
}

// --- a tiny valid PNG ------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A small RGB PNG: a coloured square with a lighter diagonal, so a viewer shows something. */
export function tinyPng(size = 16, rgb: [number, number, number] = [46, 117, 182]): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const raw = new Uint8Array(size * (1 + 3 * size));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++)
      raw.set(x === y ? [255, 255, 255] : rgb, y * (1 + 3 * size) + 1 + 3 * x);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([
      sig,
      chunk("IHDR", ihdr),
      chunk("IDAT", zlibSync(raw)),
      chunk("IEND", new Uint8Array(0)),
    ])
  );
}
