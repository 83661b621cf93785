/**
 * Notes (legacy comments) on a user's sheet: the comments part and the VML drawing that places
 * each note's box. A note is added, replaced or removed by editing those two parts only; notes the
 * product does not touch, and any other shape of the drawing, stay as they were.
 */
import { columnLetters, parseAddress } from "../../core/model/cells";
import { NOTE_AUTHOR } from "../../core/i18n/findings-labels";
import { attribute, xmlDecode, xmlEscape } from "./xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A comment element's text, its runs joined (what a person reads in the note). */
export function commentText(commentXml: string): string {
  const out: string[] = [];
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  let m: RegExpExecArray | null;
  // Phonetic runs (rPh) are not part of the text people see.
  const body = commentXml.replace(/<(?:\w+:)?rPh[\s>][\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  while ((m = re.exec(body))) out.push(xmlDecode(m[1], true));
  return out.join("");
}

/** The comments part of one sheet, editable by cell. */
export class CommentsPart {
  private readonly head: string;
  private readonly authors: string[];
  private readonly comments = new Map<string, string>();
  private readonly order: string[] = [];
  private readonly tail: string;
  private prefix = "";

  constructor(xml?: string) {
    if (!xml) {
      this.head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}">`;
      this.authors = [];
      this.tail = "</comments>";
      return;
    }
    const root = /<([A-Za-z_][\w.-]*:)?comments[\s>]/.exec(xml);
    this.prefix = root?.[1] ?? "";
    const p = this.prefix;
    const authorsStart = xml.indexOf(`<${p}authors`);
    const listOpen = xml.indexOf(`<${p}commentList`);
    const listClose = xml.indexOf(`</${p}commentList>`);
    this.head = xml.slice(
      0,
      authorsStart >= 0 ? authorsStart : listOpen >= 0 ? listOpen : xml.lastIndexOf("</")
    );
    const authorsEnd = xml.indexOf(`</${p}authors>`);
    const authorsXml =
      authorsStart >= 0 && authorsEnd >= 0 ? xml.slice(authorsStart, authorsEnd) : "";
    this.authors = [
      ...authorsXml.matchAll(
        new RegExp(`<${p}author>([\\s\\S]*?)</${p}author>|<${p}author/>`, "g")
      ),
    ].map((m) => xmlDecode(m[1] ?? ""));
    const listSelfClosed = listOpen >= 0 && /^<[^>]*\/>/.test(xml.slice(listOpen));
    if (listOpen >= 0 && listClose >= 0 && !listSelfClosed) {
      const inner = xml.slice(xml.indexOf(">", listOpen) + 1, listClose);
      const re = new RegExp(`<${p}comment(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}comment>)`, "g");
      for (const m of inner.matchAll(re)) {
        const ref = (attribute(m[0], "ref") ?? "").toUpperCase();
        if (!ref) continue;
        if (!this.comments.has(ref)) this.order.push(ref);
        this.comments.set(ref, m[0]);
      }
      this.tail = xml.slice(listClose + `</${p}commentList>`.length);
    } else {
      const after = listOpen >= 0 ? xml.indexOf(">", listOpen) + 1 : -1;
      this.tail = after > 0 ? xml.slice(after) : xml.slice(xml.lastIndexOf("</"));
    }
  }

  get size(): number {
    return this.comments.size;
  }

  /** The comment element of a cell, as it is in the part, or null. */
  get(ref: string): string | null {
    return this.comments.get(ref) ?? null;
  }

  /** Puts a comment element back as it was (a restore). */
  putXml(ref: string, xml: string): void {
    if (!this.comments.has(ref)) this.order.push(ref);
    this.comments.set(ref, xml);
  }

  /** Sets the note of a cell to plain text, written by the product's author. */
  setText(ref: string, text: string): void {
    let author = this.authors.indexOf(NOTE_AUTHOR);
    if (author < 0) author = this.authors.push(NOTE_AUTHOR) - 1;
    const p = this.prefix;
    this.putXml(
      ref,
      `<${p}comment ref="${ref}" authorId="${author}"><${p}text><${p}r><${p}t xml:space="preserve">${xmlEscape(text)}</${p}t></${p}r></${p}text></${p}comment>`
    );
  }

  remove(ref: string): void {
    if (!this.comments.delete(ref)) return;
    this.order.splice(this.order.indexOf(ref), 1);
  }

  toXml(): string {
    const p = this.prefix;
    const authors = `<${p}authors>${this.authors.map((a) => `<${p}author>${xmlEscape(a)}</${p}author>`).join("")}</${p}authors>`;
    const list = `<${p}commentList>${this.order.map((r) => this.comments.get(r)).join("")}</${p}commentList>`;
    return this.head + authors + list + this.tail;
  }
}

/** The VML drawing of a sheet's notes: one shape per note, found by its row and column. */
export class NotesDrawing {
  private xml: string;

  constructor(
    xml: string | undefined,
    private readonly blockId: number
  ) {
    this.xml = xml ?? NotesDrawing.empty(blockId);
  }

  static empty(blockId: number): string {
    return (
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blockId}"/></o:shapelayout>` +
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
      '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
      "</xml>"
    );
  }

  /** The shapes of notes, each with its cell ("B5") and place in the text. */
  private noteShapes(): { ref: string; start: number; end: number }[] {
    const out: { ref: string; start: number; end: number }[] = [];
    const re = /<v:shape[\s>][\s\S]*?<\/v:shape>/g;
    for (const m of this.xml.matchAll(re)) {
      if (!/ObjectType\s*=\s*["']Note["']/.test(m[0])) continue;
      const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(m[0]);
      const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(m[0]);
      if (!row || !col) continue;
      const ref = columnLetters(Number(col[1])) + (Number(row[1]) + 1);
      out.push({ ref, start: m.index!, end: m.index! + m[0].length });
    }
    return out;
  }

  has(ref: string): boolean {
    return this.noteShapes().some((s) => s.ref === ref);
  }

  /** Whether the drawing holds anything but notes (form controls, for instance). */
  holdsOtherShapes(): boolean {
    const all = [...this.xml.matchAll(/<v:shape[\s>]/g)].length;
    return all > this.noteShapes().length;
  }

  get noteCount(): number {
    return this.noteShapes().length;
  }

  /** Adds a hidden note box beside the cell, as Excel places a new note. */
  add(ref: string): void {
    if (this.has(ref)) return;
    const { row, col } = parseAddress(ref);
    const ids = [...this.xml.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
    const id = Math.max(this.blockId * 1024, ...ids) + 1;
    const shape =
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:80pt;z-index:${ids.length + 1};visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">` +
      '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 4}, 15, ${row + 5}, 2</x:Anchor>` +
      `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
    const close = this.xml.lastIndexOf("</xml>");
    this.xml =
      close >= 0 ? this.xml.slice(0, close) + shape + this.xml.slice(close) : this.xml + shape;
  }

  remove(ref: string): void {
    const s = this.noteShapes().find((x) => x.ref === ref);
    if (s) this.xml = this.xml.slice(0, s.start) + this.xml.slice(s.end);
  }

  toXml(): string {
    return this.xml;
  }
}
