/**
 * The styles of an OpenDocument spreadsheet that matter to the core: which tables are hidden, and
 * each cell style's number format, translated into an Excel format code (0.0%, yyyy"年"m"月"d"日",
 * #,##0.00 …) so that the core's isPercentFormat and isDateFormat judge it as they judge Excel's.
 */
import { attributes, element, xmlDecode } from "../package/xml";

export interface OdsStyles {
  hiddenTables: Set<string>;
  /** The Excel-like number format of a cell style (following its parents), or undefined for General. */
  numFmtOf(styleName: string | undefined): string | undefined;
}

interface CellStyle {
  dataStyle?: string;
  parent?: string;
}

const DATA_STYLE =
  /<number:(number|percentage|currency|date|time|boolean|text)-style(?=[\s>])([^>]*)>([\s\S]*?)<\/number:\1-style>/g;

/** Styles from content.xml (automatic styles) and styles.xml (common styles, default data styles). */
export function readStyles(content: string, stylesXml: string): OdsStyles {
  const dataStyles = new Map<string, { kind: string; body: string }>();
  const cellStyles = new Map<string, CellStyle>();
  const hiddenTables = new Set<string>();
  for (const xml of [stylesXml, content]) {
    for (const m of xml.matchAll(DATA_STYLE)) {
      const name = attributes(m[2])["style:name"];
      if (name) dataStyles.set(name, { kind: m[1], body: m[3] });
    }
    for (const m of xml.matchAll(/<style:style(?=[\s>/])([^>]*)>/g)) {
      const a = attributes(m[1]);
      const name = a["style:name"];
      if (!name) continue;
      if (a["style:family"] === "table-cell") {
        cellStyles.set(name, {
          dataStyle: a["style:data-style-name"],
          parent: a["style:parent-style-name"],
        });
      } else if (a["style:family"] === "table") {
        const el = element(xml, "style", m.index);
        if (el && /<style:table-properties(?=[\s/>])[^>]*table:display="false"/.test(el.text))
          hiddenTables.add(name);
      }
    }
  }
  const formats = new Map<string, string | undefined>();
  const formatOf = (name: string, depth = 0): string | undefined => {
    if (!formats.has(name)) {
      const ds = dataStyles.get(name);
      formats.set(
        name,
        ds && depth < 4 ? excelFormat(ds.kind, ds.body, (n) => formatOf(n, depth + 1)) : undefined
      );
    }
    return formats.get(name);
  };
  return {
    hiddenTables,
    numFmtOf(styleName) {
      // A cell style without a data style takes its parent's (at most a few levels: no loops).
      for (let s = styleName, depth = 0; s && depth < 8; depth++) {
        const cs = cellStyles.get(s);
        if (!cs) return undefined;
        if (cs.dataStyle) return formatOf(cs.dataStyle);
        s = cs.parent;
      }
      return undefined;
    },
  };
}

/**
 * An ODF data style as an Excel format code. A style that maps (style:map) a condition to another
 * style is LibreOffice's way of writing sections: the mapped style is the first section.
 */
function excelFormat(
  kind: string,
  body: string,
  mapped: (name: string) => string | undefined
): string | undefined {
  if (kind === "boolean") return undefined;
  const sections: string[] = [];
  for (const m of body.matchAll(/<style:map(?=[\s/>])([^>]*)\/?>/g)) {
    const target = attributes(m[1])["style:apply-style-name"];
    const f = target ? mapped(target) : undefined;
    if (f) sections.push(f);
  }
  const own = partsFormat(kind, body.replace(/<style:map(?=[\s/>])[^>]*\/?>/g, ""));
  if (own === "" && sections.length === 0) return undefined;
  sections.push(own);
  const code = sections.join(";");
  return code === "" || /^general$/i.test(code) ? undefined : code;
}

/** The children of a data style, in order, as the pieces of an Excel format code. */
function partsFormat(kind: string, body: string): string {
  let out = "";
  for (const m of body.matchAll(
    /<number:([\w-]+)(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/number:\1>)/g
  )) {
    const [, part, attrText, inner] = m;
    const a = attributes(attrText);
    const long = a["number:style"] === "long";
    switch (part) {
      case "number":
        out += numberPart(a);
        break;
      case "scientific-number":
        out += `${numberPart(a)}E+${"0".repeat(Number(a["number:min-exponent-digits"] ?? 2) || 2)}`;
        break;
      case "fraction":
        out += `# ${"?".repeat(Number(a["number:min-numerator-digits"] ?? 1) || 1)}/${"?".repeat(Number(a["number:min-denominator-digits"] ?? 1) || 1)}`;
        break;
      case "text":
        out += literal(xmlDecode(inner ?? ""), kind);
        break;
      case "currency-symbol":
        out += `"${xmlDecode(inner ?? "").replace(/"/g, "")}"`;
        break;
      case "text-content":
        out += "@";
        break;
      case "year":
        out += long ? "yyyy" : "yy";
        break;
      case "month":
        out += a["number:textual"] === "true" ? (long ? "mmmm" : "mmm") : long ? "mm" : "m";
        break;
      case "day":
        out += long ? "dd" : "d";
        break;
      case "day-of-week":
        out += long ? "dddd" : "ddd";
        break;
      case "hours":
        out += long ? "hh" : "h";
        break;
      // Minutes are written mm so that Excel reads them as minutes, not months, whatever comes before.
      case "minutes":
        out += "mm";
        break;
      case "seconds":
        out += (long ? "ss" : "s") + decimals(Number(a["number:decimal-places"] ?? 0));
        break;
      case "am-pm":
        out += "AM/PM";
        break;
    }
  }
  // A duration style ([h]:mm) keeps counting hours past 24.
  if (kind === "time" && /truncate-on-overflow="false"/.test(body))
    out = out.replace(/^(h+)/, "[$1]");
  return out;
}

function numberPart(a: Record<string, string>): string {
  const places = Math.max(0, Number(a["number:decimal-places"] ?? 0) || 0);
  const minPlaces = Math.min(
    places,
    Math.max(0, Number(a["number:min-decimal-places"] ?? places) || 0)
  );
  const minInt = Math.max(0, Number(a["number:min-integer-digits"] ?? 1) || 0);
  const int =
    a["number:grouping"] === "true"
      ? minInt > 0
        ? "#,##" + "0".repeat(minInt)
        : "#,###"
      : minInt > 0
        ? "0".repeat(minInt)
        : "#";
  const frac = places > 0 ? `.${"0".repeat(minPlaces)}${"#".repeat(places - minPlaces)}` : "";
  return int + frac;
}

function decimals(n: number): string {
  return n > 0 ? `.${"0".repeat(n)}` : "";
}

/** Literal text of a format: separators as they are, '%' kept in a percentage, anything else quoted. */
function literal(text: string, kind: string): string {
  if (text === "") return "";
  if (kind === "percentage" && text.trim() === "%") return text;
  if (/^[-/.:, ()]+$/.test(text)) return text;
  return `"${text.replace(/"/g, "")}"`;
}
