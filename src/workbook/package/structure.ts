/**
 * The structure of a SpreadsheetML package: where the workbook part is, its sheets in tab order
 * with their parts, and the relationships and content types that tie parts together.
 */
import { PackageError } from "./zip";
import type { ZipPackage } from "./zip";
import { attribute, attributes, startTags } from "./xml";

export const REL_OFFICE_DOCUMENT =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_WORKSHEET = `${REL_NS}/worksheet`;
export const REL_STYLES = `${REL_NS}/styles`;
export const REL_SHARED_STRINGS = `${REL_NS}/sharedStrings`;
export const REL_COMMENTS = `${REL_NS}/comments`;
export const REL_VML = `${REL_NS}/vmlDrawing`;
export const REL_CALC_CHAIN = `${REL_NS}/calcChain`;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "unknown";

export interface SheetEntry {
  name: string;
  sheetId: string;
  rid: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The sheet's part, e.g. "xl/worksheets/sheet1.xml"; undefined when its relationship points nowhere. */
  part: string | undefined;
  kind: SheetKind;
}

/** The rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part that holds it ("../x" and "/x" forms). */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = fromPart.slice(0, fromPart.lastIndexOf("/") + 1);
  const parts = (base + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** A target for `toPart` relative to `fromPart`'s folder, as Excel writes them. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export function parseRels(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  return startTags(xml, "Relationship").map(({ tag }) => {
    const a = attributes(tag);
    return {
      id: a.Id ?? "",
      type: a.Type ?? "",
      target: a.Target ?? "",
      external: a.TargetMode === "External",
    };
  });
}

/** The relationships of a part, targets resolved to part names (external ones left as they are). */
export function relsOf(pkg: ZipPackage, part: string): (Relationship & { part?: string })[] {
  return parseRels(pkg.text(relsPartOf(part))).map((r) =>
    r.external ? r : { ...r, part: resolveTarget(part, r.target) }
  );
}

/** The workbook part named by the package's root relationships (xl/workbook.xml as a rule). */
export function workbookPart(pkg: ZipPackage): string {
  const root = parseRels(pkg.text("_rels/.rels"));
  const rel = root.find(
    (r) => r.type === REL_OFFICE_DOCUMENT || r.type.endsWith("/officeDocument")
  );
  const part = rel ? resolveTarget("", rel.target) : "xl/workbook.xml";
  if (!pkg.has(part))
    throw new PackageError(
      "the package has no workbook part; it is not a spreadsheet, or it is damaged"
    );
  return part;
}

function kindOf(type: string): SheetKind {
  if (type.endsWith("/worksheet")) return "worksheet";
  if (type.endsWith("/chartsheet")) return "chartsheet";
  if (type.endsWith("/dialogsheet")) return "dialogsheet";
  if (
    type.endsWith("/xlMacrosheet") ||
    type.endsWith("/macrosheet") ||
    type.endsWith("/xlIntlMacrosheet")
  )
    return "macrosheet";
  return "unknown";
}

/** The workbook's sheets in tab order. */
export function listSheets(pkg: ZipPackage, wbPart: string): SheetEntry[] {
  const xml = pkg.text(wbPart) ?? "";
  const rels = new Map(relsOf(pkg, wbPart).map((r) => [r.id, r]));
  const sheetsBlock = /<(?:\w+:)?sheets[\s>][\s\S]*?<\/(?:\w+:)?sheets>/.exec(xml)?.[0] ?? "";
  return startTags(sheetsBlock, "sheet").map(({ tag }) => {
    const a = attributes(tag);
    const rid = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? "";
    const rel = rels.get(rid);
    const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
    const part = rel && !rel.external && rel.part && pkg.has(rel.part) ? rel.part : undefined;
    return {
      name: a.name ?? "",
      sheetId: a.sheetId ?? "",
      rid,
      state,
      part,
      kind: rel ? kindOf(rel.type) : "unknown",
    };
  });
}

/** True when the workbook counts dates from 1904 (old Mac files). */
export function usesDate1904(pkg: ZipPackage, wbPart: string): boolean {
  const xml = pkg.text(wbPart) ?? "";
  const tag = startTags(xml, "workbookPr")[0]?.tag;
  if (!tag) return false;
  const v = attribute(tag, "date1904");
  return v === "1" || v === "true";
}
