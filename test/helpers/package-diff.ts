/**
 * The lossless rule, as a checker: an output written from an input workbook keeps every part of
 * the input byte-for-byte (inflated), except the parts the product must change — and those still
 * hold everything they held. Written from the rule alone, without the product's code, so it
 * checks the writer rather than agreeing with it.
 */
import { strFromU8, unzipSync } from "fflate";
import { ANNOTATION_STORE_SHEET } from "../../src/core/model/plan";
import { PRODUCT_SHEETS } from "../../src/core/i18n/sheet-names";

export type ProblemKind =
  | "missing-part"
  | "changed-part"
  | "added-part"
  | "relationship"
  | "content-type"
  | "sheet-entry"
  | "defined-name"
  | "workbook"
  | "style"
  | "comment"
  | "cell"
  | "sheet";

export interface Problem {
  kind: ProblemKind;
  part: string;
  detail: string;
}

type Parts = Record<string, Uint8Array>;

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_COMMENTS = `${REL}/comments`;
const REL_VML = `${REL}/vmlDrawing`;
const STYLE_COLLECTIONS = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
];
/** Children of workbook.xml the product may change, or whose entries are checked one by one. */
const WORKBOOK_FREE = ["sheets", "definedNames", "bookViews", "calcPr"];

// --- a little XML, enough for these parts ----------------------------------------------------

const TAG = /<(\/?)([\w:.-]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const body = tag.replace(/^<[\w:.-]+/, "");
  for (const m of body.matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1]] = m[2] ?? m[3];
  return out;
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** The top-level children of the element whose content spans [from, to) of `xml`, as raw text with their local names. */
function children(
  xml: string,
  from = 0,
  to = xml.length
): { name: string; xml: string; start: number; end: number }[] {
  const out: { name: string; xml: string; start: number; end: number }[] = [];
  let depth = 0;
  let start = 0;
  let name = "";
  TAG.lastIndex = from;
  for (let m = TAG.exec(xml); m && m.index < to; m = TAG.exec(xml)) {
    const [whole, close, tag, , self] = m;
    if (!close && depth === 0) {
      start = m.index;
      name = local(tag);
    }
    if (close) depth--;
    else if (!self) depth++;
    if (depth === 0)
      out.push({
        name,
        xml: xml.slice(start, m.index + whole.length),
        start,
        end: m.index + whole.length,
      });
  }
  return out;
}

/** The children of the document's root element. */
function rootChildren(xml: string) {
  const open = /<(?![?!])[\w:.-]+[^>]*?>/.exec(xml)!;
  return children(xml, open.index + open[0].length, xml.lastIndexOf("</"));
}

/** The element named `name` (any prefix) among the root's children, with its own children. */
function section(xml: string, name: string) {
  const el = rootChildren(xml).find((c) => c.name === name);
  if (!el) return undefined;
  const open = /^<[^>]*>/.exec(el.xml)![0];
  const items = open.endsWith("/>")
    ? []
    : children(xml, el.start + open.length, el.start + el.xml.lastIndexOf("</"));
  return { ...el, open, items };
}

/** An element with its attributes in a fixed order and without `drop`, to compare what it says. */
function canonical(el: string, drop: string[] = []): string {
  const open = /^<[^>]*>/.exec(el)![0];
  const a = attrs(open);
  const name = /^<([\w:.-]+)/.exec(open)![1];
  const kept = Object.keys(a)
    .filter((k) => !drop.includes(k))
    .sort()
    .map((k) => `${k}="${a[k]}"`);
  const rest = open.endsWith("/>") ? "" : el.slice(open.length);
  return `<${name} ${kept.join(" ")}>${rest}`;
}

// --- the package's structure ----------------------------------------------------------------

interface Rel {
  id: string;
  type: string;
  target: string;
  mode: string;
  part?: string;
}

export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const out: string[] = [];
  for (const p of (from.slice(0, from.lastIndexOf("/") + 1) + target).split("/")) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

const text = (parts: Parts, name: string) => (parts[name] ? strFromU8(parts[name]) : undefined);

function rels(parts: Parts, ofPart: string, relsPart = relsPartOf(ofPart)): Rel[] {
  const xml = text(parts, relsPart) ?? "";
  return [...xml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    const mode = a.TargetMode ?? "Internal";
    return {
      id: a.Id,
      type: a.Type,
      target: a.Target,
      mode,
      part: mode === "External" ? undefined : resolve(ofPart, a.Target),
    };
  });
}

/** The parts reached from `from` through internal relationships, `from` excluded. */
function reach(parts: Parts, from: string): Set<string> {
  const found = new Set<string>();
  const todo = [from];
  while (todo.length) {
    for (const r of rels(parts, todo.pop()!)) {
      if (!r.part || r.part === from || found.has(r.part) || !parts[r.part]) continue;
      found.add(r.part);
      todo.push(r.part);
    }
  }
  return found;
}

interface Sheet {
  name: string;
  sheetId: string;
  rid: string;
  state: string;
  part?: string;
}

function sheetsOf(parts: Parts, wb: string): Sheet[] {
  const byId = new Map(rels(parts, wb).map((r) => [r.id, r]));
  return (section(text(parts, wb) ?? "<x/>", "sheets")?.items ?? []).map((s) => {
    const a = attrs(s.xml);
    const rid = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? "";
    return {
      name: a.name,
      sheetId: a.sheetId,
      rid,
      state: a.state ?? "visible",
      part: byId.get(rid)?.part,
    };
  });
}

/** A product sheet: one of PRODUCT_SHEETS or the store, or the "name (n)" the product falls back to. */
export function isProductSheet(name: string): boolean {
  return [...PRODUCT_SHEETS, ANNOTATION_STORE_SHEET].some(
    (p) => name === p || new RegExp(`^${p} \\(\\d+\\)$`).test(name)
  );
}

/** What each changed part may be, worked out from both packages. */
interface Plan {
  wb: string;
  free: Set<string>;
  userSheets: { name: string; part: string }[];
  notes: Map<string, { sheet: string; kind: "comments" | "vml" }>;
  styles?: string;
  calcChain?: string;
}

function plan(a: Parts, b: Parts): Plan {
  const wb =
    rels(a, "", "_rels/.rels").find((r) => r.type.endsWith("/officeDocument"))?.part ??
    "xl/workbook.xml";
  const inSheets = sheetsOf(a, wb);
  const outSheets = sheetsOf(b, wb);
  const free = new Set<string>();
  for (const s of [...inSheets, ...outSheets]) {
    if (s.part && isProductSheet(s.name)) free.add(s.part).add(relsPartOf(s.part));
  }
  const userSheets = inSheets
    .filter((s) => s.part && !isProductSheet(s.name))
    .map((s) => ({ name: s.name, part: s.part! }));
  // A product sheet's drawing and charts are the product's, written and replaced with the sheet;
  // a part a user's sheet also reaches stays the user's.
  const users = new Set(userSheets.flatMap((s) => [...reach(a, s.part)]));
  for (const [parts, list] of [
    [a, inSheets],
    [b, outSheets],
  ] as const) {
    for (const s of list) {
      if (!s.part || !isProductSheet(s.name)) continue;
      for (const p of reach(parts, s.part)) if (!users.has(p)) free.add(p).add(relsPartOf(p));
    }
  }
  const notes = new Map<string, { sheet: string; kind: "comments" | "vml" }>();
  for (const s of userSheets) {
    for (const r of [...rels(a, s.part), ...rels(b, s.part)]) {
      if (r.part && (r.type === REL_COMMENTS || r.type === REL_VML))
        notes.set(r.part, { sheet: s.part, kind: r.type === REL_COMMENTS ? "comments" : "vml" });
    }
  }
  const wbRels = rels(a, wb);
  return {
    wb,
    free,
    userSheets,
    notes,
    styles: wbRels.find((r) => r.type === `${REL}/styles`)?.part,
    calcChain: wbRels.find((r) => r.type === `${REL}/calcChain`)?.part,
  };
}

// --- the checks of each part the product may change -------------------------------------------

function compareRels(
  part: string,
  a: Parts,
  b: Parts,
  mayVanish: (part: string) => boolean
): Problem[] {
  const owner = part.replace(/_rels\/([^/]+)\.rels$/, "$1");
  const out = new Map(rels(b, owner, part).map((r) => [r.id, r]));
  const problems: Problem[] = [];
  for (const r of rels(a, owner, part)) {
    const o = out.get(r.id);
    if (o && o.type === r.type && o.target === r.target && o.mode === r.mode) continue;
    if (!o && r.part && !b[r.part] && mayVanish(r.part)) continue;
    problems.push({
      kind: "relationship",
      part,
      detail: `${o ? "changed" : "lost"} ${r.id} ${r.type.replace(/.*\//, "")} → ${r.target}${o ? ` (now ${o.type.replace(/.*\//, "")} → ${o.target})` : ""}`,
    });
  }
  return problems;
}

function compareContentTypes(a: string, b: string, outParts: Parts): Problem[] {
  const list = (xml: string, tag: string, key: string) =>
    new Map(
      [...xml.matchAll(new RegExp(`<(?:\\w+:)?${tag}\\s[^>]*>`, "g"))]
        .map((m) => attrs(m[0]))
        .map((x) => [x[key]?.toLowerCase(), x.ContentType])
    );
  const problems: Problem[] = [];
  const defaults = list(b, "Default", "Extension");
  for (const [ext, ct] of list(a, "Default", "Extension")) {
    if (defaults.get(ext) !== ct)
      problems.push({
        kind: "content-type",
        part: "[Content_Types].xml",
        detail: `Default .${ext} (${ct}) ${defaults.has(ext) ? `became ${defaults.get(ext)}` : "lost"}`,
      });
  }
  const overrides = list(b, "Override", "PartName");
  const present = new Set(Object.keys(outParts).map((n) => `/${n}`.toLowerCase()));
  for (const [name, ct] of list(a, "Override", "PartName")) {
    if (overrides.get(name) === ct || (!overrides.has(name) && !present.has(name!))) continue;
    problems.push({
      kind: "content-type",
      part: "[Content_Types].xml",
      detail: `Override ${name} (${ct}) ${overrides.has(name) ? `became ${overrides.get(name)}` : "lost"}`,
    });
  }
  return problems;
}

/** Defined names by what they mean: name, the sheet they belong to (by name, not index), the rest. */
function definedNames(xml: string, sheets: Sheet[]): string[] {
  return (section(xml, "definedNames")?.items ?? []).map((d) => {
    const scope = attrs(d.xml).localSheetId;
    return `${scope === undefined ? "" : `[${sheets[+scope]?.name ?? `#${scope}`}] `}${canonical(d.xml, ["localSheetId"])}`;
  });
}

function compareWorkbook(part: string, a: Parts, b: Parts): Problem[] {
  const [ax, bx] = [text(a, part)!, text(b, part)!];
  const problems: Problem[] = [];
  const [inSheets, outSheets] = [sheetsOf(a, part), sheetsOf(b, part)];
  for (const s of inSheets) {
    if (isProductSheet(s.name)) continue;
    const o = outSheets.find((x) => x.name === s.name);
    if (!o || o.sheetId !== s.sheetId || o.rid !== s.rid || o.state !== s.state) {
      problems.push({
        kind: "sheet-entry",
        part,
        detail: `sheet ${s.name} (sheetId ${s.sheetId}, ${s.rid}, ${s.state}) ${o ? `became sheetId ${o.sheetId}, ${o.rid}, ${o.state}` : "lost"}`,
      });
    }
  }
  const outNames = new Set(definedNames(bx, outSheets));
  // A name local to a product sheet (its print area) is rewritten with the sheet.
  const ofProductSheet = (d: string) => isProductSheet(/^\[(.*?)\] /.exec(d)?.[1] ?? "");
  for (const d of definedNames(ax, inSheets))
    if (!outNames.has(d) && !ofProductSheet(d))
      problems.push({ kind: "defined-name", part, detail: `lost or changed: ${d}` });
  const outChildren = new Set(rootChildren(bx).map((c) => canonical(c.xml)));
  for (const c of rootChildren(ax)) {
    if (!WORKBOOK_FREE.includes(c.name) && !outChildren.has(canonical(c.xml)))
      problems.push({ kind: "workbook", part, detail: `<${c.name}> lost or changed` });
  }
  return problems;
}

/** Every style item stays at its index (cells refer to them by number); new ones only go after. */
function compareStyles(part: string, ax: string, bx: string): Problem[] {
  const problems: Problem[] = [];
  for (const name of STYLE_COLLECTIONS) {
    const was = section(ax, name)?.items ?? [];
    const now = section(bx, name)?.items ?? [];
    was.forEach((item, i) => {
      if (now[i] && canonical(now[i].xml) === canonical(item.xml)) return;
      problems.push({
        kind: "style",
        part,
        detail: `${name}[${i}] ${now[i] ? `changed: ${item.xml} → ${now[i].xml}` : `lost: ${item.xml}`}`,
      });
    });
  }
  const outChildren = new Set(rootChildren(bx).map((c) => canonical(c.xml)));
  for (const c of rootChildren(ax)) {
    if (!STYLE_COLLECTIONS.includes(c.name) && !outChildren.has(canonical(c.xml)))
      problems.push({ kind: "style", part, detail: `<${c.name}> lost or changed` });
  }
  return problems;
}

interface CellEl {
  ref: string;
  xml: string;
  s?: string;
  bare: boolean;
}

function cellsOf(sheetData: string): Map<string, CellEl> {
  const out = new Map<string, CellEl>();
  for (const m of sheetData.matchAll(
    /<(?:\w+:)?c(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g
  )) {
    const a = attrs(/^<[^>]*>/.exec(m[0])![0]);
    const bare = m[0].endsWith("/>") && Object.keys(a).every((k) => k === "r" || k === "s");
    out.set(a.r, { ref: a.r, xml: canonical(m[0], ["s"]), s: a.s, bare });
  }
  return out;
}

/** A sheet's text with its cells taken out and the marks the product may make undone. */
function skeleton(xml: string, keepLegacyDrawing: boolean): string {
  let x = xml.replace(/(<(?:\w+:)?sheetData)(?:\s*\/>|>[\s\S]*<\/(?:\w+:)?sheetData>)/, "$1/>");
  x = x.replace(/<((?:\w+:)?sheetView)\s[^>]*>/g, (tag) =>
    tag.replace(/\stabSelected="[^"]*"/, "")
  );
  return keepLegacyDrawing ? x : x.replace(/<(?:\w+:)?legacyDrawing\s[^>]*\/>/, "");
}

function rowsOf(xml: string): Map<string, string> {
  return new Map(
    [...xml.matchAll(/<(?:\w+:)?row(?=[\s/>])[^>]*>/g)].map((m) => [
      attrs(m[0]).r,
      canonical(m[0].replace(/\/>$/, ">"), ["spans"]),
    ])
  );
}

/** Compares a user's sheet; returns its problems and the cells the product marked. */
function compareSheet(
  part: string,
  ax: string,
  bx: string
): { problems: Problem[]; touched: Set<string> } {
  const problems: Problem[] = [];
  const touched = new Set<string>();
  const hadLegacy = /<(?:\w+:)?legacyDrawing\s/.test(ax);
  if (skeleton(ax, hadLegacy) !== skeleton(bx, hadLegacy))
    problems.push({
      kind: "sheet",
      part,
      detail: "changed outside the cells (beyond tabSelected and a legacyDrawing)",
    });
  const [rowsA, rowsB] = [rowsOf(ax), rowsOf(bx)];
  for (const [r, row] of rowsA)
    if (rowsB.get(r) !== row)
      problems.push({
        kind: "sheet",
        part,
        detail: `row ${r} changed: ${row} → ${rowsB.get(r) ?? "lost"}`,
      });
  const [cellsA, cellsB] = [cellsOf(ax), cellsOf(bx)];
  for (const [ref, c] of cellsA) {
    const o = cellsB.get(ref);
    if (!o) problems.push({ kind: "cell", part, detail: `${ref} lost: ${c.xml}` });
    else if (o.xml !== c.xml)
      problems.push({ kind: "cell", part, detail: `${ref} changed: ${c.xml} → ${o.xml}` });
    else if (o.s !== c.s) touched.add(ref);
  }
  for (const [ref, o] of cellsB) {
    if (cellsA.has(ref)) continue;
    if (o.bare && o.s !== undefined) touched.add(ref);
    else
      problems.push({
        kind: "cell",
        part,
        detail: `${ref} added with more than a style: ${o.xml}`,
      });
  }
  return { problems, touched };
}

function compareComments(part: string, ax: string, bx: string, touched: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const authors = (x: string) => (section(x, "authors")?.items ?? []).map((i) => i.xml);
  const [was, now] = [authors(ax), authors(bx)];
  was.forEach(
    (au, i) =>
      now[i] !== au &&
      problems.push({
        kind: "comment",
        part,
        detail: `author ${i} ${au} became ${now[i] ?? "nothing"}`,
      })
  );
  const list = (x: string) =>
    new Map(
      (section(x, "commentList")?.items ?? []).map((c) => [attrs(c.xml).ref?.toUpperCase(), c.xml])
    );
  const out = list(bx);
  for (const [ref, c] of list(ax)) {
    if (ref && !touched.has(ref) && out.get(ref) !== c)
      problems.push({
        kind: "comment",
        part,
        detail: `note on ${ref} ${out.has(ref) ? "changed" : "lost"}`,
      });
  }
  return problems;
}

/** Every shape of the drawing stays as it was, but the note boxes of cells the product marked. */
function compareVml(part: string, ax: string, bx: string, touched: Set<string>): Problem[] {
  const shapes = (x: string) =>
    x.match(/<v:shape(?=\s)[\s\S]*?<\/v:shape>|<v:shapetype(?=\s)[\s\S]*?<\/v:shapetype>/g) ?? [];
  const out = new Set(shapes(bx));
  return shapes(ax)
    .filter((sh) => !out.has(sh))
    .filter((sh) => {
      const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(sh)?.[1];
      const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(sh)?.[1];
      return !(/ObjectType="Note"/.test(sh) && row && col && touched.has(cellRef(+row, +col)));
    })
    .map((sh) => ({
      kind: "comment" as const,
      part,
      detail: `shape ${/id="([^"]*)"/.exec(sh)?.[1] ?? "?"} lost or changed`,
    }));
}

function cellRef(row: number, col: number): string {
  let s = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

// --- the rule ---------------------------------------------------------------------------------

/** The package's parts: a zip's folder entries ("xl/") are not parts, and some writers leave them out. */
function partsOf(bytes: Uint8Array): Parts {
  const all = unzipSync(bytes);
  for (const name of Object.keys(all)) if (name.endsWith("/")) delete all[name];
  return all;
}

const same = (x: Uint8Array, y: Uint8Array) =>
  x.length === y.length && x.every((v, i) => v === y[i]);

/** Everything `output` lost or changed of `input` that the lossless rule does not allow; [] when none. */
export function comparePackages(input: Uint8Array, output: Uint8Array): Problem[] {
  const [a, b] = [partsOf(input), partsOf(output)];
  const p = plan(a, b);
  const problems: Problem[] = [];
  const mayVanish = (part: string) => part === p.calcChain || p.free.has(part);
  const touched = new Map<string, Set<string>>();
  const userRels = new Set([relsPartOf(p.wb), ...p.userSheets.map((s) => relsPartOf(s.part))]);
  for (const s of p.userSheets) {
    if (!a[s.part] || !b[s.part]) continue;
    const r = compareSheet(s.part, strFromU8(a[s.part]), strFromU8(b[s.part]));
    problems.push(...r.problems);
    touched.set(s.part, r.touched);
  }
  for (const name of Object.keys(a)) {
    if (!b[name]) {
      if (!mayVanish(name)) problems.push({ kind: "missing-part", part: name, detail: "dropped" });
    } else if (
      !same(a[name], b[name]) &&
      !mayVanish(name) &&
      !p.userSheets.some((s) => s.part === name)
    ) {
      problems.push(...compareChanged(name, a, b, p, touched, userRels, mayVanish));
    }
  }
  for (const name of Object.keys(b)) {
    if (!a[name] && !p.free.has(name) && !p.notes.has(name) && !userRels.has(name))
      problems.push({ kind: "added-part", part: name, detail: "not a part the product writes" });
  }
  return problems;
}

function compareChanged(
  name: string,
  a: Parts,
  b: Parts,
  p: Plan,
  touched: Map<string, Set<string>>,
  userRels: Set<string>,
  mayVanish: (part: string) => boolean
): Problem[] {
  const [ax, bx] = [strFromU8(a[name]), strFromU8(b[name])];
  if (name === "[Content_Types].xml") return compareContentTypes(ax, bx, b);
  if (name === p.wb) return compareWorkbook(name, a, b);
  if (name === p.styles) return compareStyles(name, ax, bx);
  if (userRels.has(name)) return compareRels(name, a, b, mayVanish);
  const note = p.notes.get(name);
  if (note?.kind === "comments")
    return compareComments(name, ax, bx, touched.get(note.sheet) ?? new Set());
  if (note?.kind === "vml") return compareVml(name, ax, bx, touched.get(note.sheet) ?? new Set());
  return [
    {
      kind: "changed-part",
      part: name,
      detail: "changed, and the product has no reason to change it",
    },
  ];
}

/** One line per problem, for a failing test's message. */
export function formatProblems(problems: Problem[]): string {
  return problems.map((x) => `${x.kind} ${x.part}: ${x.detail}`).join("\n");
}
