/**
 * A strict reader of small XML files (ribbon.xml, jsplugins.xml): it throws on anything that is not
 * well formed — an unclosed or mismatched tag, an unquoted or repeated attribute, a bare "&" or
 * "<", text or a second element outside the root — and returns the element tree.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

function checkText(text: string, where: number): void {
  for (let i = text.indexOf("&"); i >= 0; i = text.indexOf("&", i + 1))
    if (!ENTITY.test(text.slice(i))) throw new Error(`bare & at ${where + i}`);
}

function readTag(xml: string, at: number): { el: XmlElement; end: number; selfClosing: boolean } {
  let i = at + 1;
  const name = NAME.exec(xml.slice(i))?.[0];
  if (!name) throw new Error(`bad tag name at ${at}`);
  i += name.length;
  const el: XmlElement = { name, attrs: {}, children: [] };
  for (;;) {
    const space = /^\s*/.exec(xml.slice(i))![0].length;
    i += space;
    if (xml.startsWith("/>", i)) return { el, end: i + 2, selfClosing: true };
    if (xml[i] === ">") return { el, end: i + 1, selfClosing: false };
    if (space === 0) throw new Error(`no space before attribute at ${i}`);
    const m = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(xml.slice(i));
    if (!m) throw new Error(`bad attribute at ${i}`);
    if (m[1] in el.attrs) throw new Error(`attribute ${m[1]} twice at ${i}`);
    const value = m[3] ?? m[4];
    checkText(value, i);
    el.attrs[m[1]] = value;
    i += m[0].length;
  }
}

export function parseXml(xml: string): XmlElement {
  let i = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
  if (i === 1) throw new Error("unclosed XML declaration");
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.trim() && stack.length === 0) throw new Error(`text outside the root at ${i}`);
    checkText(text, i);
    if (text.includes(">") && stack.length === 0) throw new Error(`stray > at ${i}`);
    if (lt < 0) break;
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0 || xml.slice(lt + 4, end).includes("--")) throw new Error(`bad comment at ${lt}`);
      i = end + 3;
    } else if (xml.startsWith("</", lt)) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(xml.slice(lt));
      const open = stack.pop();
      if (!m || !open || open.name !== m[1]) throw new Error(`mismatched end tag at ${lt}`);
      i = lt + m[0].length;
    } else {
      const { el, end, selfClosing } = readTag(xml, lt);
      if (stack.length > 0) stack[stack.length - 1].children.push(el);
      else if (root) throw new Error(`a second root element at ${lt}`);
      else root = el;
      if (!selfClosing) stack.push(el);
      i = end;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (!root) throw new Error("no root element");
  return root;
}

export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}
