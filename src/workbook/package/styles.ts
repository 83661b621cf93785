/**
 * The styles part, edited by appending: new number formats, fonts, fills and cell formats (xf)
 * go after the workbook's own, so no existing style index changes and every cell of the user's
 * keeps exactly its look (docs/files.md).
 */
import { attribute, setAttribute, xmlEscape } from "./xml";

/** The look the product asks of a cell of its own sheets. */
export interface CellLook {
  numFmt?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  underline?: boolean;
  size?: number;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  /** False for a cell people may edit on a protected sheet. */
  locked?: boolean;
}

const COLLECTIONS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"] as const;
type Collection = (typeof COLLECTIONS)[number];
const ITEM: Record<Collection, string> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
};

/** A minimal styles part for a package made from nothing: one font, the two fills Excel requires, one border, one xf. */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";

/** Splits a collection's inside into its items' texts (each `<font>…</font>` or `<xf …/>`). */
function splitItems(inner: string, item: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<((?:\\w+:)?${item})(?=[\\s/>])[^>]*?(/?)>`, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner))) {
    if (m[2] === "/") {
      out.push(m[0]);
      continue;
    }
    const close = `</${m[1]}>`;
    const end = inner.indexOf(close, re.lastIndex);
    if (end < 0) break;
    out.push(inner.slice(m.index, end + close.length));
    re.lastIndex = end + close.length;
  }
  return out;
}

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

export class StylesPart {
  private readonly items = new Map<Collection, string[]>();
  private readonly added = new Map<Collection, string[]>();
  private readonly lookCache = new Map<string, number>();
  private readonly fillCache = new Map<string, number>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId = 164;

  constructor(private readonly xml: string) {
    for (const c of COLLECTIONS) {
      const m = new RegExp(`<((?:\\w+:)?${c})(?=[\\s/>])[^>]*?(/?)>([\\s\\S]*?)(?:</\\1>|$)`).exec(
        xml
      );
      const inner = m && m[2] !== "/" ? m[3] : "";
      this.items.set(c, splitItems(inner, ITEM[c]));
      this.added.set(c, []);
    }
    for (const nf of this.items.get("numFmts")!) {
      const id = Number(attribute(nf, "numFmtId"));
      const code = attribute(nf, "formatCode");
      if (Number.isFinite(id)) {
        if (code !== undefined && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
        this.nextNumFmtId = Math.max(this.nextNumFmtId, id + 1);
      }
    }
  }

  get changed(): boolean {
    return COLLECTIONS.some((c) => this.added.get(c)!.length > 0);
  }

  /** The number of cell formats, the workbook's own and the ones added. */
  get xfCount(): number {
    return this.items.get("cellXfs")!.length + this.added.get("cellXfs")!.length;
  }

  private xfText(index: number): string | undefined {
    const own = this.items.get("cellXfs")!;
    return index < own.length ? own[index] : this.added.get("cellXfs")![index - own.length];
  }

  private readonly known = new Map<Collection, Map<string, number>>();

  /**
   * Adds an item, or finds the same one already there (a second run over a workbook reuses the
   * fills and formats the first one added, so styles do not pile up run after run).
   */
  private add(c: Collection, text: string): number {
    let known = this.known.get(c);
    if (!known) {
      known = new Map();
      this.items.get(c)!.forEach((t, i) => {
        if (!known!.has(t)) known!.set(t, i);
      });
      this.known.set(c, known);
    }
    const found = known.get(text);
    if (found !== undefined) return found;
    const list = this.added.get(c)!;
    list.push(text);
    const index = this.items.get(c)!.length + list.length - 1;
    known.set(text, index);
    return index;
  }

  private numFmtId(code: string | undefined): number {
    if (!code || code === "General") return 0;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmtId++;
      this.numFmtIds.set(code, id);
      this.add("numFmts", `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`);
    }
    return id;
  }

  /** A font like the workbook's default (its name and size) in the look's weight, size and colour. */
  private fontId(look: CellLook): number {
    if (!look.bold && !look.size && !look.fontColor && !look.underline) return 0;
    const base = this.items.get("fonts")![0] ?? "";
    const name = /<(?:\w+:)?name\s+val="([^"]*)"/.exec(base)?.[1] ?? "等线";
    const size = /<(?:\w+:)?sz\s+val="([^"]*)"/.exec(base)?.[1] ?? "11";
    const family = /<(?:\w+:)?family\s+val="([^"]*)"/.exec(base)?.[1];
    const charset = /<(?:\w+:)?charset\s+val="([^"]*)"/.exec(base)?.[1];
    const text =
      "<font>" +
      (look.bold ? "<b/>" : "") +
      (look.underline ? "<u/>" : "") +
      `<sz val="${look.size ?? size}"/>` +
      (look.fontColor ? `<color rgb="${argb(look.fontColor)}"/>` : '<color theme="1"/>') +
      `<name val="${name}"/>` +
      (family ? `<family val="${family}"/>` : "") +
      (charset ? `<charset val="${charset}"/>` : "") +
      "</font>";
    return this.add("fonts", text);
  }

  private solidFillId(colour: string): number {
    const key = colour.toUpperCase();
    let id = this.fillCache.get(key);
    if (id === undefined) {
      id = this.add(
        "fills",
        `<fill><patternFill patternType="solid"><fgColor rgb="${argb(key)}"/><bgColor indexed="64"/></patternFill></fill>`
      );
      this.fillCache.set(key, id);
    }
    return id;
  }

  /** The xf index for a look on the product's own sheets (0, the default, for no look at all). */
  xfFor(look: CellLook): number {
    const key = `${look.numFmt ?? ""}|${look.fill ?? ""}|${look.fontColor ?? ""}|${look.bold ? 1 : 0}|${look.underline ? 1 : 0}|${look.size ?? ""}|${look.wrap ? 1 : 0}|${look.align ?? ""}|${look.locked === false ? 0 : 1}`;
    if (key === "||||0|0||0||1") return 0;
    let xf = this.lookCache.get(key);
    if (xf !== undefined) return xf;
    const numFmtId = this.numFmtId(look.numFmt);
    const fontId = this.fontId(look);
    const fillId = look.fill ? this.solidFillId(look.fill) : 0;
    const aligned = look.wrap || look.align;
    let text =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (aligned ? ' applyAlignment="1"' : "") +
      (look.locked === false ? ' applyProtection="1"' : "");
    const children =
      (aligned
        ? `<alignment${look.align ? ` horizontal="${look.align}"` : ""} vertical="top"${look.wrap ? ' wrapText="1"' : ""}/>`
        : "") + (look.locked === false ? '<protection locked="0"/>' : "");
    text += children ? `>${children}</xf>` : "/>";
    xf = this.add("cellXfs", text);
    this.lookCache.set(key, xf);
    return xf;
  }

  /**
   * A copy of cell format `xf` with a solid fill (no fill for null): a marked cell keeps its font,
   * borders and number format.
   */
  withFill(xf: number, colour: string | null): number {
    const key = `${xf}|${colour?.toUpperCase() ?? "none"}`;
    let out = this.lookCache.get(key);
    if (out !== undefined) return out;
    const base =
      this.xfText(xf) ??
      this.xfText(0) ??
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const open = /^<[^>]*>/.exec(base)![0];
    let start = setAttribute(open, "fillId", String(colour ? this.solidFillId(colour) : 0));
    start = setAttribute(start, "applyFill", "1");
    out = this.add("cellXfs", start + base.slice(open.length));
    this.lookCache.set(key, out);
    return out;
  }

  /** The plain solid fill of a cell format as "#RRGGBB", or null (none, a pattern, a theme colour). */
  fillOf(xf: number): string | null {
    const text = this.xfText(xf);
    if (!text) return null;
    const fillId = Number(attribute(/^<[^>]*>/.exec(text)![0], "fillId") ?? 0);
    const fills = this.items.get("fills")!;
    const fill =
      fillId < fills.length ? fills[fillId] : this.added.get("fills")![fillId - fills.length];
    if (!fill || !/patternType="solid"/.test(fill)) return null;
    const rgb = /<(?:\w+:)?fgColor[^>]*\srgb="([0-9A-Fa-f]{8})"/.exec(fill)?.[1];
    return rgb ? `#${rgb.slice(2).toUpperCase()}` : null;
  }

  /** The styles part with the added items appended to their collections (created where missing). */
  toXml(): string {
    let xml = this.xml;
    for (const c of COLLECTIONS) {
      const extra = this.added.get(c)!;
      if (extra.length === 0) continue;
      const count = this.items.get(c)!.length + extra.length;
      const re = new RegExp(`<((?:\\w+:)?${c})(?=[\\s/>])([^>]*?)(/?)>`);
      const m = re.exec(xml);
      // Prefixed parts (x:font) get their prefix on the items added too.
      const prefix = m && m[1].includes(":") ? m[1].split(":")[0] + ":" : "";
      const items = prefix
        ? extra.join("").replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`)
        : extra.join("");
      if (!m) {
        xml = this.insertCollection(xml, c, `<${c} count="${count}">${items}</${c}>`);
        continue;
      }
      const start = setAttribute(`<${m[1]}${m[2]}>`, "count", String(count));
      if (m[3] === "/") {
        xml =
          xml.slice(0, m.index) + start + items + `</${m[1]}>` + xml.slice(m.index + m[0].length);
      } else {
        const close = xml.indexOf(`</${m[1]}>`, m.index);
        xml =
          xml.slice(0, m.index) +
          start +
          xml.slice(m.index + m[0].length, close) +
          items +
          xml.slice(close);
      }
    }
    return xml;
  }

  /** Inserts a missing collection before the first collection that must follow it. */
  private insertCollection(xml: string, c: Collection, text: string): string {
    const after = [
      "numFmts",
      "fonts",
      "fills",
      "borders",
      "cellStyleXfs",
      "cellXfs",
      "cellStyles",
      "dxfs",
      "tableStyles",
      "colors",
      "extLst",
    ];
    for (const next of after.slice(after.indexOf(c) + 1)) {
      const m = new RegExp(`<(?:\\w+:)?${next}(?=[\\s/>])`).exec(xml);
      if (m) return xml.slice(0, m.index) + text + xml.slice(m.index);
    }
    const close = xml.lastIndexOf("</");
    return xml.slice(0, close) + text + xml.slice(close);
  }
}
