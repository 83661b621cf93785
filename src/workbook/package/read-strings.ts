/**
 * Strings as Excel shows them: the shared string table and inline strings. A string is its <t>
 * texts joined — rich-text runs' texts in order — with phonetic guides (<rPh>, the furigana Excel
 * keeps above East Asian text but never shows in the cell) left out.
 */
import { XmlScanner, START, END, EMPTY, decodeText, detach } from "./scan";
import { relsOf, workbookPart } from "./structure";
import type { ZipPackage } from "./zip";

const T = 116; // t
const R = 114; // r

/** Set by stringItem: whether the item held rich-text runs (<r>), which ExcelJS keeps even when empty. */
let sawRuns = false;

/**
 * The text of the string item whose start tag (<si> or <is>) the scanner is on, consuming it up to
 * its end tag; null when it holds neither a <t> nor a run (ExcelJS reads such an item as no value).
 */
export function stringItem(sc: XmlScanner): string | null {
  sawRuns = false;
  if (sc.kind === EMPTY) return null;
  let text: string | null = null;
  let depth = 1;
  while (sc.next()) {
    if (sc.kind === END) {
      if (--depth === 0) return text;
    } else if (sc.is("rPh")) {
      sc.skipElement(); // phonetic guide: not shown in the cell
    } else if (sc.isChar(T)) {
      const t = sc.kind === EMPTY ? "" : decodeText(sc.text(), true);
      text = text === null ? t : text + t;
    } else {
      if (sc.isChar(R)) {
        sawRuns = true;
        if (text === null) text = "";
      }
      if (sc.kind === START) depth++;
    }
  }
  throw sc.damaged("its XML is cut off inside a string");
}

/** Whether the last item read by stringItem held rich-text runs. */
export function lastItemHadRuns(): boolean {
  return sawRuns;
}

/**
 * The strings of a shared string table part, by index. An entry is null for an item with no text
 * element at all: a cell pointing to it is read as empty, as ExcelJS does.
 */
export function parseSharedStrings(xml: string, part: string): (string | null)[] {
  const sc = new XmlScanner(xml, `the shared string table (${part})`);
  sc.expectComplete("sst");
  const out: (string | null)[] = [];
  while (sc.next()) {
    if (sc.kind === END || !sc.is("si")) continue;
    const s = sc.kind === EMPTY ? null : stringItem(sc);
    out.push(s === null ? null : detach(s));
  }
  return out;
}

/** The part of a workbook-level relationship whose type ends with `/kind`, else `fallback` when the package holds it. */
export function workbookRelPart(
  pkg: ZipPackage,
  wbPart: string,
  kind: string,
  fallback: string
): string | undefined {
  const rel = relsOf(pkg, wbPart).find((r) => !r.external && r.type.endsWith(`/${kind}`));
  if (rel?.part && pkg.has(rel.part)) return rel.part;
  return pkg.has(fallback) ? fallback : undefined;
}

/**
 * The workbook's shared strings, by index; undefined when the package has no shared string table
 * (a cell that points into it is then read as empty, as ExcelJS does).
 */
export function readSharedStrings(
  pkg: ZipPackage,
  wbPart = workbookPart(pkg)
): (string | null)[] | undefined {
  const part = workbookRelPart(pkg, wbPart, "sharedStrings", "xl/sharedStrings.xml");
  if (!part) return undefined;
  return parseSharedStrings(pkg.text(part) ?? "", part);
}
