/**
 * A forward-only scanner over the text of an XML part: tag by tag, with indexOf and character
 * codes, no tree and no allocation per tag. It is what lets a sheet of 100,000 rows be read in a
 * fraction of a second. Element names are matched by their local part, so `<c>` and `<x:c>` are
 * the same element. It is not a validating parser: it only notices the damage that stops it
 * (a tag or text cut off), and reports it as a PackageError naming the part.
 */
import { xmlDecode } from "./xml";
import { PackageError } from "./zip";

/** The kind of a tag: a start tag, an end tag, or a self-closing tag such as `<c r="A1"/>`. */
export const START = 0;
export const END = 1;
export const EMPTY = 2;

const GT = 62; // >
const SLASH = 47;
const QUOT = 34;
const APOS = 39;
const COLON = 58;
const EQ = 61;

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** A copy of a slice of a big part: a plain slice would keep the whole part alive as long as the grid. */
export function detach(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

export class XmlScanner {
  /** Where the next search starts. */
  pos = 0;
  /** The current tag: its '<', its '>', its kind, its qualified name and where its local name starts. */
  start = 0;
  end = 0;
  /** START, END or EMPTY (a plain number: it changes with every call of next()). */
  kind: number = START;
  name0 = 0;
  name1 = 0;
  local0 = 0;
  /** The attribute last read by nextAttr: name and value ranges. */
  an0 = 0;
  an1 = 0;
  av0 = 0;
  av1 = 0;

  /** `what` names the part in error messages, e.g. "sheet '监测表' (xl/worksheets/sheet1.xml)". */
  constructor(
    readonly xml: string,
    readonly what: string
  ) {}

  damaged(detail: string): PackageError {
    return new PackageError(`${this.what} is damaged: ${detail}`);
  }

  /** Moves to the next tag, skipping comments, processing instructions and declarations; false at the end. */
  next(): boolean {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf("<", this.pos);
      if (lt < 0) return false;
      const c1 = xml.charCodeAt(lt + 1);
      if (c1 === 33 /* ! */ || c1 === 63 /* ? */) {
        this.pos = this.skipSpecial(lt);
        continue;
      }
      this.start = lt;
      let i = lt + 1;
      const closing = c1 === SLASH;
      if (closing) i++;
      this.name0 = i;
      let local = i;
      for (; ; i++) {
        const ch = xml.charCodeAt(i);
        if (ch === COLON) local = i + 1;
        else if (ch === GT || ch === SLASH || isSpace(ch)) break;
        else if (ch !== ch) throw this.damaged("its XML is cut off inside a tag");
      }
      this.name1 = i;
      this.local0 = local;
      if (i === this.name0) throw this.damaged(`its XML is malformed at character ${lt}`);
      this.end = this.tagEnd(i);
      this.kind = closing ? END : xml.charCodeAt(this.end - 1) === SLASH ? EMPTY : START;
      this.pos = this.end + 1;
      return true;
    }
  }

  /** The '>' that ends the tag whose attributes start at i; a '>' inside a quoted value does not count. */
  private tagEnd(i: number): number {
    const xml = this.xml;
    let quote = 0;
    for (; ; i++) {
      const ch = xml.charCodeAt(i);
      if (ch !== ch) throw this.damaged("its XML is cut off inside a tag");
      if (quote !== 0) {
        if (ch === quote) quote = 0;
      } else if (ch === GT) return i;
      else if (ch === QUOT || ch === APOS) quote = ch;
    }
  }

  private skipSpecial(lt: number): number {
    const xml = this.xml;
    const close = xml.startsWith("<!--", lt)
      ? "-->"
      : xml.startsWith("<![CDATA[", lt)
        ? "]]>"
        : xml.charCodeAt(lt + 1) === 63
          ? "?>"
          : ">";
    const at = xml.indexOf(close, lt + 2);
    if (at < 0) throw this.damaged("its XML is cut off inside a comment or declaration");
    return at + close.length;
  }

  /** True when the current tag's local name is `name`. */
  is(name: string): boolean {
    return this.name1 - this.local0 === name.length && this.xml.startsWith(name, this.local0);
  }

  /** True when the current tag's local name is the one character `code`. */
  isChar(code: number): boolean {
    return this.name1 - this.local0 === 1 && this.xml.charCodeAt(this.local0) === code;
  }

  /**
   * Reads the attribute starting at or after i within the current tag into an0..av1; returns where
   * the next one may start, or -1 when the tag has no more.
   */
  nextAttr(i: number): number {
    const xml = this.xml;
    const end = this.end;
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    if (i >= end || xml.charCodeAt(i) === SLASH) return -1;
    this.an0 = i;
    while (i < end && xml.charCodeAt(i) !== EQ && !isSpace(xml.charCodeAt(i))) i++;
    this.an1 = i;
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== EQ) throw this.damaged(`an attribute has no value at character ${i}`);
    i++;
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== QUOT && quote !== APOS)
      throw this.damaged(`an attribute value is not quoted at character ${i}`);
    const close = xml.indexOf(quote === QUOT ? '"' : "'", i + 1);
    if (close < 0 || close > end) throw this.damaged("its XML is cut off inside an attribute");
    this.av0 = i + 1;
    this.av1 = close;
    return close + 1;
  }

  /** The value of the current tag's attribute `name` (full name, prefix included), decoded; undefined when absent. */
  attr(name: string): string | undefined {
    for (let i = this.nextAttr(this.name1); i >= 0; i = this.nextAttr(i)) {
      if (this.an1 - this.an0 === name.length && this.xml.startsWith(name, this.an0)) {
        return xmlDecode(this.xml.slice(this.av0, this.av1));
      }
    }
    return undefined;
  }

  /**
   * The raw (undecoded) text content of the current start tag, up to its end tag, which is consumed.
   * CDATA sections are kept, escaped so that decoding gives their text back as it was.
   */
  text(): string {
    const xml = this.xml;
    let out = "";
    let from = this.pos;
    for (;;) {
      const lt = xml.indexOf("<", from);
      if (lt < 0) throw this.damaged("its XML is cut off inside a text");
      if (xml.charCodeAt(lt + 1) === 33 /* ! */) {
        out += xml.slice(from, lt);
        const cdata = xml.startsWith("<![CDATA[", lt);
        from = this.skipSpecial(lt);
        if (cdata)
          out += xml
            .slice(lt + 9, from - 3)
            .replace(/&/g, "&amp;")
            .replace(/</g, "&lt;");
        continue;
      }
      out += xml.slice(from, lt);
      this.pos = lt;
      // A child element where text was expected: leave it to the caller's loop.
      if (xml.charCodeAt(lt + 1) === SLASH) this.next();
      return out;
    }
  }

  /** Skips the rest of the current start tag's element, nested elements of any name included. */
  skipElement(): void {
    if (this.kind !== START) return;
    let depth = 1;
    while (depth > 0) {
      if (!this.next()) throw this.damaged("its XML is cut off (an element is not closed)");
      if (this.kind === START) depth++;
      else if (this.kind === END) depth--;
    }
  }

  /** Throws unless the part ends with the end tag of its root element `root` (a cut-off part does not). */
  expectComplete(root: string): void {
    const xml = this.xml;
    let e = xml.length - 1;
    for (;;) {
      while (e >= 0 && isSpace(xml.charCodeAt(e))) e--;
      // A comment or processing instruction after the root element is allowed.
      const special = xml.startsWith("-->", e - 2)
        ? xml.lastIndexOf("<!--", e)
        : xml.startsWith("?>", e - 1)
          ? xml.lastIndexOf("<?", e)
          : -1;
      if (special < 0) break;
      e = special - 1;
    }
    const lt = xml.lastIndexOf("<", e);
    const last = lt < 0 ? "" : xml.slice(lt, e + 1);
    // The root's end tag, or the root written as one empty tag (<worksheet/>).
    const closes = new RegExp(
      `^</(?:[\\w.-]+:)?${root}\\s*>$|^<(?:[\\w.-]+:)?${root}(?:\\s[^>]*)?/>$`
    );
    if (!closes.test(last)) {
      throw this.damaged(`its XML is cut off or malformed (it does not end with </${root}>)`);
    }
  }
}

/** The text of character data as shown: entities decoded, and Excel's _xHHHH_ escapes when `ooxml`. */
export function decodeText(raw: string, ooxml: boolean): string {
  return raw.indexOf("&") < 0 && (!ooxml || raw.indexOf("_x") < 0) ? raw : xmlDecode(raw, ooxml);
}
