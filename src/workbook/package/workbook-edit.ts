/**
 * The workbook part, its relationships and the package's content types, edited in place: sheets
 * added, replaced or removed, the active tab set. Entries the product does not change (every user
 * sheet, defined name, external link, pivot cache, …) keep their text.
 */
import type { ZipPackage } from './zip';
import { PackageError } from './zip';
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
} from './structure';
import type { SheetEntry } from './structure';
import { attribute, setAttribute, xmlEscape } from './xml';

export const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
export const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** The relationships of one part, kept as text and edited entry by entry. */
export class RelsPart {
  constructor(
    readonly part: string,
    private xml: string,
  ) {}

  static of(pkg: ZipPackage, ofPart: string): RelsPart {
    const part = relsPartOf(ofPart);
    return new RelsPart(
      part,
      pkg.text(part) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
    );
  }

  list() {
    return parseRels(this.xml);
  }

  /** Adds a relationship and returns its new id (rIdN, N past every id in use). */
  add(type: string, target: string): string {
    const used = new Set(this.list().map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const entry = `<Relationship Id="${id}" Type="${type}" Target="${xmlEscape(target)}"/>`;
    const close = this.xml.lastIndexOf('</Relationships>');
    this.xml = close >= 0 ? this.xml.slice(0, close) + entry + this.xml.slice(close) : this.xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${entry}</Relationships>`);
    return id;
  }

  remove(id: string): void {
    this.xml = this.xml.replace(new RegExp(`<Relationship(?=\\s)[^>]*\\sId="${id}"[^>]*?(?:/>|>\\s*</Relationship>)`), '');
  }

  toXml(): string {
    return this.xml;
  }
}

/** [Content_Types].xml, edited by adding and removing overrides. */
export class ContentTypes {
  private xml: string;

  constructor(private readonly pkg: ZipPackage) {
    const xml = pkg.text('[Content_Types].xml');
    if (!xml) throw new PackageError('the package has no [Content_Types].xml; it is damaged');
    this.xml = xml;
  }

  override(part: string, type: string): void {
    this.removeOverride(part);
    const close = this.xml.lastIndexOf('</Types>');
    this.xml = this.xml.slice(0, close) + `<Override PartName="/${xmlEscape(part)}" ContentType="${type}"/>` + this.xml.slice(close);
  }

  removeOverride(part: string): void {
    const name = `/${part}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    this.xml = this.xml.replace(new RegExp(`<Override(?=\\s)[^>]*PartName="${name}"[^>]*/>`, 'i'), '');
  }

  ensureDefault(extension: string, type: string): void {
    if (new RegExp(`<Default[^>]*Extension="${extension}"`, 'i').test(this.xml)) return;
    const close = this.xml.lastIndexOf('</Types>');
    this.xml = this.xml.slice(0, close) + `<Default Extension="${extension}" ContentType="${type}"/>` + this.xml.slice(close);
  }

  save(): void {
    if (this.xml !== this.pkg.text('[Content_Types].xml')) this.pkg.set('[Content_Types].xml', this.xml);
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

  constructor(private readonly pkg: ZipPackage) {
    this.part = workbookPart(pkg);
    this.xml = pkg.text(this.part)!;
    this.rels = RelsPart.of(pkg, this.part);
    this.types = new ContentTypes(pkg);
    const declared = new RegExp(`xmlns:([\\w.-]+)="${REL_NS.replace(/[./]/g, '\\$&')}"`).exec(this.xml);
    if (declared) this.relPrefix = declared[1];
    else {
      this.relPrefix = 'r';
      this.xml = this.xml.replace(/<((?:\w+:)?workbook)(?=[\s>])/, `<$1 xmlns:r="${REL_NS}"`);
    }
  }

  sheets(): SheetEntry[] {
    // listSheets reads the package: keep it current with the edits made here.
    this.flush();
    return listSheets(this.pkg, this.part);
  }

  private sheetTags(): { tag: string; index: number }[] {
    const re = /<(?:\w+:)?sheet(?=[\s/>])[^>]*>/g;
    const block = /<(?:\w+:)?sheets[\s>][\s\S]*?<\/(?:\w+:)?sheets>/.exec(this.xml);
    if (!block) return [];
    const out: { tag: string; index: number }[] = [];
    for (const m of block[0].matchAll(re)) out.push({ tag: m[0], index: block.index + m.index! });
    return out;
  }

  /** A new worksheet part, related and listed last in the tabs; returns its part name. */
  addSheet(name: string, state: 'visible' | 'veryHidden' = 'visible'): string {
    const used = new Set(this.pkg.names());
    let n = 1;
    while (used.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    const rid = this.rels.add(REL_WORKSHEET, relativeTarget(this.part, part));
    const ids = this.sheetTags().map((t) => Number(attribute(t.tag, 'sheetId')) || 0);
    const sheetId = Math.max(0, ...ids) + 1;
    const p = /<((?:\w+:)?)sheets[\s>]/.exec(this.xml)?.[1] ?? '';
    const stateAttr = state === 'visible' ? '' : ` state="${state}"`;
    const tag = `<${p}sheet name="${xmlEscape(name)}" sheetId="${sheetId}"${stateAttr} ${this.relPrefix}:id="${rid}"/>`;
    const close = this.xml.search(/<\/(?:\w+:)?sheets>/);
    if (close < 0) {
      this.xml = this.xml.replace(/<((?:\w+:)?)sheets\s*\/>/, `<$1sheets>${tag}</$1sheets>`);
    } else this.xml = this.xml.slice(0, close) + tag + this.xml.slice(close);
    this.types.override(part, CT_WORKSHEET);
    return part;
  }

  /** Removes a sheet: its entry, relationship, part, its own rels and content type; later sheets' local names follow. */
  removeSheet(name: string): void {
    const tags = this.sheetTags();
    const index = tags.findIndex((t) => attribute(t.tag, 'name') === name);
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
    this.xml = this.xml.replace(/(<(?:\w+:)?definedName\b[^>]*\slocalSheetId=")(\d+)(")/g, (m, a: string, id: string, b: string) => {
      const n = Number(id);
      return n > index ? `${a}${n - 1}${b}` : m;
    });
    this.xml = this.xml.replace(/(<(?:\w+:)?workbookView\b[^>]*)>/g, (m) => {
      let tagText = m;
      for (const attr of ['activeTab', 'firstSheet']) {
        const v = Number(attribute(tagText, attr) ?? NaN);
        if (Number.isFinite(v) && v >= index && v > 0) tagText = setAttribute(tagText, attr, String(v - 1));
      }
      return tagText;
    });
    this.dropCalcChain();
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

  /** Shows the sheet at this tab position when the workbook opens. */
  setActiveTab(index: number): void {
    const view = /<((?:\w+:)?)workbookView\b[^>]*?(\/?)>/.exec(this.xml);
    if (view) {
      let tag = setAttribute(view[0], 'activeTab', String(index));
      const first = Number(attribute(tag, 'firstSheet') ?? 0);
      if (first > index) tag = setAttribute(tag, 'firstSheet', String(index));
      this.xml = this.xml.slice(0, view.index) + tag + this.xml.slice(view.index + view[0].length);
      return;
    }
    const sheets = /<((?:\w+:)?)sheets[\s>]/.exec(this.xml);
    if (!sheets) return;
    const p = sheets[1];
    this.xml = this.xml.slice(0, sheets.index) + `<${p}bookViews><${p}workbookView activeTab="${index}"/></${p}bookViews>` + this.xml.slice(sheets.index);
  }

  /** Writes the workbook part, its rels and the content types into the package when they changed. */
  flush(): void {
    if (this.xml !== this.pkg.text(this.part)) this.pkg.set(this.part, this.xml);
    const rels = this.rels.toXml();
    if (rels !== this.pkg.text(this.rels.part)) this.pkg.set(this.rels.part, rels);
    this.types.save();
  }
}
