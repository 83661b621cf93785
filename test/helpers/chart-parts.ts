/**
 * The charts of a written workbook, read back from its parts as Excel reads them: sheet → its
 * drawing (through the sheet's rels) → each anchored chart (through the drawing's rels) → the
 * chart part's title, series, formulas and cached figures. Written from the file format alone
 * (ECMA-376 Part 1, 20.5 and 21.2), without the product's code.
 */
import { strFromU8, unzipSync } from "fflate";
import { relsPartOf as relsPart, resolve } from "./package-diff";

export interface ReadSeries {
  name: string;
  /** "bar" (c:barChart) or "line" (c:lineChart). */
  group: "bar" | "line";
  categories: string;
  values: string;
  categoryCache: string[];
  valueCache: (number | null)[];
  fill: string | null;
}

export interface ReadChart {
  part: string;
  title: string;
  barDir: string | null;
  grouping: string | null;
  series: ReadSeries[];
  /** The anchor's first and last covered cell, 0-based: [col, row]. */
  from: [number, number];
  to: [number, number];
}

export type Parts = Record<string, Uint8Array>;

export function partsOf(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

const text = (parts: Parts, name: string) => (parts[name] ? strFromU8(parts[name]) : undefined);
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** A part's relationships: id → {type, part}. */
export function relsOf(parts: Parts, part: string): Map<string, { type: string; part: string }> {
  const out = new Map<string, { type: string; part: string }>();
  for (const m of (text(parts, relsPart(part)) ?? "").matchAll(/<Relationship\s[^>]*>/g)) {
    out.set(attr(m[0], "Id")!, {
      type: attr(m[0], "Type")!.replace(/.*\//, ""),
      part: resolve(part, decode(attr(m[0], "Target")!)),
    });
  }
  return out;
}

/** The worksheet part of each sheet, by name. */
export function sheetParts(parts: Parts): Map<string, string> {
  const wb = "xl/workbook.xml";
  const rels = relsOf(parts, wb);
  const out = new Map<string, string>();
  for (const m of text(parts, wb)!.matchAll(/<sheet\s[^>]*>/g))
    out.set(decode(attr(m[0], "name")!), rels.get(attr(m[0], "r:id")!)!.part);
  return out;
}

function caches(xml: string, tag: "strCache" | "numCache"): (string | null)[] {
  const cache = new RegExp(`<c:${tag}>([\\s\\S]*?)</c:${tag}>`).exec(xml)?.[1];
  if (!cache) return [];
  const n = Number(/<c:ptCount val="(\d+)"/.exec(cache)![1]);
  const out: (string | null)[] = new Array(n).fill(null);
  for (const m of cache.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g))
    out[Number(m[1])] = decode(m[2]);
  return out;
}

function seriesOf(group: "bar" | "line", xml: string): ReadSeries[] {
  return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, s]) => {
    const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(s)![1];
    const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(s)![1];
    const spPr = /<c:spPr>([\s\S]*?)<\/c:spPr>/.exec(s)?.[1] ?? "";
    return {
      name: decode(/<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/.exec(s)?.[1] ?? ""),
      group,
      categories: decode(/<c:f>([^<]*)<\/c:f>/.exec(cat)![1]),
      values: decode(/<c:f>([^<]*)<\/c:f>/.exec(val)![1]),
      categoryCache: caches(cat, cat.includes("strCache") ? "strCache" : "numCache").map(
        (v) => v ?? ""
      ),
      valueCache: caches(val, "numCache").map((v) => (v === null ? null : Number(v))),
      fill: /<a:(?:solidFill|bgClr)><a:srgbClr val="([0-9A-F]{6})"/.exec(spPr)?.[1] ?? null,
    };
  });
}

function chartOf(parts: Parts, part: string, anchor: string): ReadChart {
  const xml = text(parts, part)!;
  const title = [
    ...(/<c:title>([\s\S]*?)<\/c:title>/.exec(xml)?.[1] ?? "").matchAll(/<a:t>([^<]*)<\/a:t>/g),
  ]
    .map((m) => decode(m[1]))
    .join("");
  const bars = /<c:barChart>([\s\S]*?)<\/c:barChart>/.exec(xml)?.[1] ?? "";
  const lines = /<c:lineChart>([\s\S]*?)<\/c:lineChart>/.exec(xml)?.[1] ?? "";
  const corner = (tag: string): [number, number] => {
    const c = new RegExp(`<xdr:${tag}>([\\s\\S]*?)</xdr:${tag}>`).exec(anchor)![1];
    return [Number(/<xdr:col>(\d+)/.exec(c)![1]), Number(/<xdr:row>(\d+)/.exec(c)![1])];
  };
  const [toCol, toRow] = corner("to");
  return {
    part,
    title,
    barDir: /<c:barDir val="(\w+)"/.exec(bars)?.[1] ?? null,
    grouping: /<c:grouping val="(\w+)"/.exec(bars)?.[1] ?? null,
    series: [...seriesOf("bar", bars), ...seriesOf("line", lines)],
    from: corner("from"),
    to: [toCol - 1, toRow - 1],
  };
}

/** The charts a sheet shows, in the order its drawing anchors them; [] when it has no drawing. */
export function sheetCharts(parts: Parts, sheet: string): ReadChart[] {
  const part = sheetParts(parts).get(sheet);
  if (!part) throw new Error(`no sheet ${sheet}`);
  const sheetXml = text(parts, part)!;
  const rid = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)?.[1];
  if (!rid) return [];
  const drawing = relsOf(parts, part).get(rid)!;
  if (drawing.type !== "drawing") throw new Error(`${part}: <drawing> names a ${drawing.type}`);
  const chartRels = relsOf(parts, drawing.part);
  return [
    ...text(parts, drawing.part)!.matchAll(/<xdr:twoCellAnchor[\s\S]*?<\/xdr:twoCellAnchor>/g),
  ].map(([anchor]) => {
    const id = /<c:chart [^>]*r:id="([^"]+)"/.exec(anchor)![1];
    return chartOf(parts, chartRels.get(id)!.part, anchor);
  });
}

/** Every chart and drawing part of the package, and those that nothing points to. */
export function chartAndDrawingParts(parts: Parts): { all: string[]; orphans: string[] } {
  const all = Object.keys(parts).filter((n) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(n));
  const targets = new Set<string>();
  for (const name of Object.keys(parts)) {
    const m = /^(.*\/)?_rels\/([^/]+)\.rels$/.exec(name);
    if (m) for (const r of relsOf(parts, `${m[1] ?? ""}${m[2]}`).values()) targets.add(r.part);
  }
  return { all, orphans: all.filter((p) => !targets.has(p)) };
}

/** The content type the package declares for a part. */
export function contentType(parts: Parts, part: string): string | undefined {
  const types = text(parts, "[Content_Types].xml")!;
  const m = new RegExp(
    `<Override PartName="/${part.replace(/[.]/g, "\\.")}" ContentType="([^"]+)"`
  ).exec(types);
  return m?.[1];
}

/** The sheet's print area (its local _xlnm.Print_Area), or undefined. */
export function printArea(parts: Parts, sheet: string): string | undefined {
  const names = [...sheetParts(parts).keys()];
  const index = names.indexOf(sheet);
  for (const m of text(parts, "xl/workbook.xml")!.matchAll(
    /<definedName\s([^>]*)>([^<]*)<\/definedName>/g
  ))
    if (
      attr(` ${m[1]}`, "name") === "_xlnm.Print_Area" &&
      attr(` ${m[1]}`, "localSheetId") === String(index)
    )
      return decode(m[2]);
  return undefined;
}
