/**
 * Small XML helpers for the parts of a spreadsheet package: enough to find elements and read and
 * write attributes in well-formed OOXML, without building a tree of the whole part (a sheet of
 * 100,000 rows is read by scanning, and rewritten by splicing only what changes).
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes XML character references and the five predefined entities; _xHHHH_ escapes too when asked. */
export function xmlDecode(text: string, ooxmlEscapes = false): string {
  let s = text;
  if (s.indexOf("&") >= 0) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, body: string) => {
      if (body[0] === "#") {
        const code =
          body[1] === "x" || body[1] === "X"
            ? parseInt(body.slice(2), 16)
            : parseInt(body.slice(1), 10);
        return Number.isFinite(code) && code >= 0 && code <= 0x10ffff
          ? String.fromCodePoint(code)
          : m;
      }
      return ENTITIES[body] ?? m;
    });
  }
  // Excel writes characters that XML cannot hold (control characters) as _xHHHH_.
  if (ooxmlEscapes && s.indexOf("_x") >= 0) {
    s = s.replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) =>
      String.fromCharCode(parseInt(hex, 16))
    );
  }
  return s;
}

/** Escapes text for an element's content or an attribute value; control characters as _xHHHH_. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`
    );
}

/** The attributes of a start tag's text (`<c r="A1" s="3">` or its inside), names with their prefix. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[m[1]] = xmlDecode(m[3] ?? m[4] ?? "");
  return out;
}

/** One attribute of a start tag, or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  const re = new RegExp(
    `(?:^|[\\s<])${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`
  );
  const m = re.exec(tag);
  return m ? xmlDecode(m[2] ?? m[3] ?? "") : undefined;
}

/** Sets (or, with undefined, removes) an attribute in a start tag's text; the rest is kept as it was. */
export function setAttribute(tag: string, name: string, value: string | undefined): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (value === undefined) return tag.replace(re, "");
  const text = ` ${name}="${xmlEscape(value)}"`;
  if (re.test(tag)) return tag.replace(re, text);
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return tag.slice(0, close) + text + tag.slice(close);
}

/** Every start (or empty) tag of an element, local name matched with or without a prefix. */
export function startTags(xml: string, local: string): { tag: string; index: number }[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])[^>]*>`, "g");
  const out: { tag: string; index: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push({ tag: m[0], index: m.index });
  return out;
}

/** The whole first element (start tag to its end tag) of that local name, or undefined. */
export function element(
  xml: string,
  local: string,
  from = 0
): { text: string; start: number; end: number } | undefined {
  const re = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${local})(?=[\\s/>])[^>]*?(/?)>`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return undefined;
  if (m[2] === "/") return { text: m[0], start: m.index, end: m.index + m[0].length };
  const close = `</${m[1]}>`;
  // Elements of the same name may nest (rare in these parts): count them.
  let depth = 1;
  let pos = m.index + m[0].length;
  const openRe = new RegExp(
    `<${m[1].replace(/[.]/g, "\\.")}(?=[\\s/>])[^>]*?(/?)>|${close.replace(/[.]/g, "\\.")}`,
    "g"
  );
  openRe.lastIndex = pos;
  let n: RegExpExecArray | null;
  while ((n = openRe.exec(xml))) {
    if (n[0] === close) depth--;
    else if (n[1] !== "/") depth++;
    if (depth === 0)
      return {
        text: xml.slice(m.index, n.index + close.length),
        start: m.index,
        end: n.index + close.length,
      };
    pos = openRe.lastIndex;
  }
  return undefined;
}

/** The text inside an element's start and end tags. */
export function innerXml(elementText: string): string {
  const open = elementText.indexOf(">");
  if (elementText[open - 1] === "/") return "";
  const close = elementText.lastIndexOf("</");
  return elementText.slice(open + 1, close);
}
