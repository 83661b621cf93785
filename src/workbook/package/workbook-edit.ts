/**
 * The workbook part, its relationships and the package's content types, edited in place: sheets
 * added, replaced or removed, the active tab set. Entries the product does not change (every user
 * sheet, defined name, external link, pivot cache, …) keep their text.
 */
import type { ZipPackage } from "./zip";
import { PackageError } from "./zip";
import {
  REL_CALC_CHAIN,
  REL_NS,
  REL_WORKSHEET,
  listSheets,
  parseRels,
  relativeTarget,
  relsPartOf,
  resolveTarget,
  workbookPart,
} from "./structure";
import type { Relationship, SheetEntry } from "./structure";
import { attribute, setAttribute, xmlEscape } from "./xml";

export const CT_WORKSHEET =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const CT_COMMENTS =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
export const CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing";
export const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** The relationships of one part, kept as text and edited entry by entry. */
export class RelsPart {
  constructor(
    readonly part: string,
    private xml: string
  ) {}

  static of(pkg: ZipPackage, ofPart: string): RelsPart {
    const part = relsPartOf(ofPart);
    return new RelsPart(
      part,
      pkg.text(part) ??
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
    );
  }

  private cached?: Relationship[];
  /** True once the part differs from what was read. */
  dirty = false;

  list(): Relationship[] {
    return (this.cached ??= parseRels(this.xml));
  }

  /** Adds a relationship and returns its new id (rIdN, N past every id in use). */
  add(type: string, target: string): string {
    const used = new Set(this.list().map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    // Kept aside and put in at the end: a workbook of a thousand new sheets would otherwise copy
    // the whole part a thousand times.
    this.pending.push(`<Relationship Id="${id}" Type="${type}" Target="${xmlEscape(target)}"/>`);
    this.cached?.push({ id, type, target, external: false });
    this.dirty = true;
    return id;
  }

  remove(id: string): void {
    this.settle();
    this.xml = this.xml.replace(
      new RegExp(`<Relationship(?=\\s)[^>]*\\sId="${id}"[^>]*?(?:/>|>\\s*</Relationship>)`),
      ""
    );
    this.cached = undefined;
    this.dirty = true;
  }

  private pending: string[] = [];

  /** Puts the relationships added since into the text. */
  private settle(): void {
    if (!this.pending.length) return;
    const entries = this.pending.join("");
    this.pending = [];
    const close = this.xml.lastIndexOf("</Relationships>");
    this.xml =
      close >= 0
        ? this.xml.slice(0, close) + entries + this.xml.slice(close)
        : this.xml.replace(
            /<Relationships([^>]*)\/>/,
            (_m, attrs: string) => `<Relationships${attrs}>${entries}</Relationships>`
          );
  }

  toXml(): string {
    this.settle();
    return this.xml;
  }
}

/** [Content_Types].xml, edited by adding and removing overrides. */
export class ContentTypes {
  private xml: string;
  /** The part names that have an override, kept so that a new part costs no search of the whole list. */
  private readonly overridden = new Set<string>();
  private readonly defaults = new Set<string>();

  constructor(private readonly pkg: ZipPackage) {
    const xml = pkg.text("[Content_Types].xml");
    if (!xml) throw new PackageError("the package has no [Content_Types].xml; it is damaged");
    this.xml = xml;
    for (const m of xml.matchAll(/<Override(?=\s)[^>]*PartName="([^"]*)"/g))
      this.overridden.add(m[1].toLowerCase());
    for (const m of xml.matchAll(/<Default(?=\s)[^>]*Extension="([^"]*)"/g))
      this.defaults.add(m[1].toLowerCase());
  }

  private dirty = false;

  override(part: string, type: string): void {
    this.removeOverride(part);
    this.dirty = true;
    this.overridden.add(`/${part}`.toLowerCase());
    this.pending.push(`<Override PartName="/${xmlEscape(part)}" ContentType="${type}"/>`);
  }

  private pending: string[] = [];

  private settle(): void {
    if (!this.pending.length) return;
    const close = this.xml.lastIndexOf("</Types>");
    this.xml = this.xml.slice(0, close) + this.pending.join("") + this.xml.slice(close);
    this.pending = [];
  }

  removeOverride(part: string): void {
    if (!this.overridden.delete(`/${part}`.toLowerCase())) return;
    this.settle();
    const name = `/${part}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    this.xml = this.xml.replace(
      new RegExp(`<Override(?=\\s)[^>]*PartName="${name}"[^>]*/>`, "i"),
      ""
    );
    this.dirty = true;
  }

  ensureDefault(extension: string, type: string): void {
    if (this.defaults.has(extension.toLowerCase())) return;
    this.defaults.add(extension.toLowerCase());
    this.dirty = true;
    this.pending.push(`<Default Extension="${extension}" ContentType="${type}"/>`);
  }

  save(): void {
    if (!this.dirty) return;
    this.settle();
    this.pkg.set("[Content_Types].xml", this.xml);
    this.dirty = false;
  }
}

/** The workbook part and its sheet list. */
export class WorkbookParts {
  readonly part: string;
  private xml: string;
  readonly rels: RelsPart;
  readonly types: ContentTypes;
  /** The prefix the workbook gives the relationships namespace ("r" as a rule). */
  private readonly relPrefix: string;

  private dirty = false;
  private sheetCache?: SheetEntry[];
  /** The next free number of a new part's name, by stem ("xl/worksheets/sheet"). */
  private readonly nextNumber = new Map<string, number>();

  constructor(private readonly pkg: ZipPackage) {
    this.part = workbookPart(pkg);
    this.xml = pkg.text(this.part)!;
    this.rels = RelsPart.of(pkg, this.part);
    this.types = new ContentTypes(pkg);
    const declared = new RegExp(`xmlns:([\\w.-]+)="${REL_NS.replace(/[./]/g, "\\$&")}"`).exec(
      this.xml
    );
    if (declared) this.relPrefix = declared[1];
    else {
      this.relPrefix = "r";
      this.xml = this.xml.replace(/<((?:\w+:)?workbook)(?=[\s>])/, `<$1 xmlns:r="${REL_NS}"`);
      this.dirty = true;
    }
  }

  /** The sheets in tab order (worked out once, and again only after a sheet is added or removed). */
  sheets(): SheetEntry[] {
    if (!this.sheetCache) {
      // listSheets reads the package: it must see the edits made here.
      this.flush();
      this.sheetCache = listSheets(this.pkg, this.part);
    }
    return this.sheetCache;
  }

  /** A part name not in the package yet: stem + the next free number + extension. */
  freePart(stem: string, ext: string): string {
    let n = this.nextNumber.get(stem) ?? 1;
    while (this.pkg.has(`${stem}${n}${ext}`)) n++;
    this.nextNumber.set(stem, n + 1);
    return `${stem}${n}${ext}`;
  }

  private maxSheetId?: number;
  private pendingSheets: string[] = [];

  /** Puts the sheet entries added since into the workbook part's text. */
  private settle(): void {
    if (!this.pendingSheets.length) return;
    const tags = this.pendingSheets.join("");
    this.pendingSheets = [];
    const close = this.xml.search(/<\/(?:\w+:)?sheets>/);
    if (close < 0) {
      this.xml = this.xml.replace(
        /<((?:\w+:)?)sheets\s*\/>/,
        (_m, p: string) => `<${p}sheets>${tags}</${p}sheets>`
      );
    } else this.xml = this.xml.slice(0, close) + tags + this.xml.slice(close);
  }

  private sheetTags(): { tag: string; index: number }[] {
    this.settle();
    const re = /<(?:\w+:)?sheet(?=[\s/>])[^>]*>/g;
    const block = /<(?:\w+:)?sheets[\s>][\s\S]*?<\/(?:\w+:)?sheets>/.exec(this.xml);
    if (!block) return [];
    const out: { tag: string; index: number }[] = [];
    for (const m of block[0].matchAll(re)) out.push({ tag: m[0], index: block.index + m.index! });
    return out;
  }

  /** A new worksheet part, related and listed last in the tabs; returns its part name. */
  addSheet(name: string, state: "visible" | "veryHidden" = "visible"): string {
    const part = this.freePart("xl/worksheets/sheet", ".xml");
    const rid = this.rels.add(REL_WORKSHEET, relativeTarget(this.part, part));
    this.maxSheetId ??= Math.max(
      0,
      ...this.sheetTags().map((t) => Number(attribute(t.tag, "sheetId")) || 0)
    );
    const sheetId = ++this.maxSheetId;
    const p = /<((?:\w+:)?)sheets[\s>]/.exec(this.xml)?.[1] ?? "";
    const stateAttr = state === "visible" ? "" : ` state="${state}"`;
    // Kept aside and put in at once (settle): a workbook made of a thousand sheets is not copied a thousand times.
    this.pendingSheets.push(
      `<${p}sheet name="${xmlEscape(name)}" sheetId="${sheetId}"${stateAttr} ${this.relPrefix}:id="${rid}"/>`
    );
    this.types.override(part, CT_WORKSHEET);
    // The part exists from now on (empty until written), so the sheet list can name it.
    this.pkg.set(part, "");
    this.dirty = true;
    this.sheetCache = undefined;
    return part;
  }

  /** Removes a sheet: its entry, relationship, part, its own rels and content type; later sheets' local names follow. */
  removeSheet(name: string): void {
    const tags = this.sheetTags();
    const index = tags.findIndex((t) => attribute(t.tag, "name") === name);
    if (index < 0) return;
    const entry = this.sheets()[index];
    const { tag, index: at } = tags[index];
    this.xml = this.xml.slice(0, at) + this.xml.slice(at + tag.length);
    this.rels.remove(entry.rid);
    if (entry.part) {
      this.pkg.delete(entry.part);
      this.pkg.delete(relsPartOf(entry.part));
      this.types.removeOverride(entry.part);
    }
    // Defined names local to a sheet count sheets by position.
    this.xml = this.xml.replace(
      /(<(?:\w+:)?definedName\b[^>]*\slocalSheetId=")(\d+)(")/g,
      (m, a: string, id: string, b: string) => {
        const n = Number(id);
        return n > index ? `${a}${n - 1}${b}` : m;
      }
    );
    this.xml = this.xml.replace(/(<(?:\w+:)?workbookView\b[^>]*)>/g, (m) => {
      let tagText = m;
      for (const attr of ["activeTab", "firstSheet"]) {
        const v = Number(attribute(tagText, attr) ?? NaN);
        if (Number.isFinite(v) && v >= index && v > 0)
          tagText = setAttribute(tagText, attr, String(v - 1));
      }
      return tagText;
    });
    this.dropCalcChain();
    this.dirty = true;
    this.sheetCache = undefined;
  }

  /**
   * The calculation chain lists formula cells by sheet; when a sheet's cells are rewritten it may
   * name cells that hold no formula any more, which Excel reports as damage. Without it, Excel
   * builds a new one on the next calculation.
   */
  dropCalcChain(): void {
    for (const r of this.rels.list()) {
      if (r.type !== REL_CALC_CHAIN) continue;
      const part = r.external ? null : resolveTarget(this.part, r.target);
      this.rels.remove(r.id);
      if (part) {
        this.pkg.delete(part);
        this.types.removeOverride(part);
      }
    }
  }

  /**
   * Sets a sheet's print area (the defined name _xlnm.Print_Area local to it) to `formula`, or
   * removes it when null; the workbook's other defined names keep their text.
   */
  setPrintArea(sheet: string, formula: string | null): void {
    const index = this.sheetTags().findIndex((t) => attribute(t.tag, "name") === sheet);
    if (index < 0) return;
    const before = this.xml;
    this.xml = this.xml.replace(
      /<((?:\w+:)?)definedName\b([^>]*)>[\s\S]*?<\/\1definedName>/g,
      (m, _p: string, attrs: string) =>
        attribute(`<x${attrs}>`, "name") === "_xlnm.Print_Area" &&
        attribute(`<x${attrs}>`, "localSheetId") === String(index)
          ? ""
          : m
    );
    if (formula !== null) {
      const p = /<((?:\w+:)?)sheets[\s>]/.exec(this.xml)?.[1] ?? "";
      const entry = `<${p}definedName name="_xlnm.Print_Area" localSheetId="${index}">${xmlEscape(formula)}</${p}definedName>`;
      const close = this.xml.search(/<\/(?:\w+:)?definedNames>/);
      if (close >= 0) this.xml = this.xml.slice(0, close) + entry + this.xml.slice(close);
      else if (/<(?:\w+:)?definedNames\s*\/>/.test(this.xml))
        this.xml = this.xml.replace(
          /<((?:\w+:)?)definedNames\s*\/>/,
          `<$1definedNames>${entry}</$1definedNames>`
        );
      else {
        // After the sheets and whatever the schema puts between them and the defined names.
        const after =
          /<\/(?:\w+:)?(?:externalReferences|functionGroups|sheets)>(?![\s\S]*<\/(?:\w+:)?(?:externalReferences|functionGroups)>)/.exec(
            this.xml
          );
        if (!after) return;
        const at = after.index + after[0].length;
        this.xml = `${this.xml.slice(0, at)}<${p}definedNames>${entry}</${p}definedNames>${this.xml.slice(at)}`;
      }
    }
    this.xml = this.xml.replace(/<((?:\w+:)?)definedNames>\s*<\/\1definedNames>/, "");
    if (this.xml !== before) this.dirty = true;
  }

  /** Shows the sheet at this tab position when the workbook opens. */
  setActiveTab(index: number): void {
    this.settle();
    const view = /<((?:\w+:)?)workbookView\b[^>]*?(\/?)>/.exec(this.xml);
    if (view) {
      let tag = setAttribute(view[0], "activeTab", String(index));
      const first = Number(attribute(tag, "firstSheet") ?? 0);
      if (first > index) tag = setAttribute(tag, "firstSheet", String(index));
      this.xml = this.xml.slice(0, view.index) + tag + this.xml.slice(view.index + view[0].length);
      this.dirty = true;
      return;
    }
    const sheets = /<((?:\w+:)?)sheets[\s>]/.exec(this.xml);
    if (!sheets) return;
    const p = sheets[1];
    this.xml =
      this.xml.slice(0, sheets.index) +
      `<${p}bookViews><${p}workbookView activeTab="${index}"/></${p}bookViews>` +
      this.xml.slice(sheets.index);
    this.dirty = true;
  }

  /** The tab shown when the workbook was opened (its first view's activeTab). */
  activeTab(): number {
    const view = /<(?:\w+:)?workbookView\b[^>]*>/.exec(this.xml);
    return Number((view && attribute(view[0], "activeTab")) ?? 0) || 0;
  }

  /** Writes the workbook part, its rels and the content types into the package when they changed. */
  flush(): void {
    this.settle();
    if (this.dirty) this.pkg.set(this.part, this.xml);
    this.dirty = false;
    if (this.rels.dirty) this.pkg.set(this.rels.part, this.rels.toXml());
    this.rels.dirty = false;
    this.types.save();
  }
}
