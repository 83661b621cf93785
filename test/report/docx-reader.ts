/**
 * Reads a written .docx back for the tests, independently of the writer: the package unzipped,
 * word/document.xml's body as paragraphs (their text) and tables (rows of cell texts), in order.
 */
import { strFromU8, unzipSync } from "fflate";

export type DocBlock = { kind: "p"; text: string } | { kind: "table"; rows: string[][] };

export interface ReadDocx {
  parts: Record<string, Uint8Array>;
  xml: (path: string) => string;
  blocks: DocBlock[];
  paragraphs: string[];
  tables: string[][][];
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The text of a piece of WordprocessingML: its w:t elements (tabs as a tab), zero-width spaces dropped. */
export function textOf(xml: string): string {
  const out: string[] = [];
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g))
    out.push(m[1] === undefined ? "\t" : decode(m[1]));
  return out.join("").replace(/\u200B/g, "");
}

function paragraphsOf(xml: string): string[] {
  return xml.split(/<\/w:p>/).map((p) => textOf(p));
}

export function readDocx(bytes: Uint8Array): ReadDocx {
  const parts = unzipSync(bytes);
  const xml = (path: string) => {
    if (!parts[path]) throw new Error(`no part ${path}`);
    return strFromU8(parts[path]);
  };
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml("word/document.xml"))![1];
  const blocks: DocBlock[] = [];
  let at = 0;
  for (const m of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)) {
    for (const text of paragraphsOf(body.slice(at, m.index)))
      if (text) blocks.push({ kind: "p", text });
    const rows = [...m[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))
    );
    blocks.push({ kind: "table", rows });
    at = m.index! + m[0].length;
  }
  for (const text of paragraphsOf(body.slice(at))) if (text) blocks.push({ kind: "p", text });
  return {
    parts,
    xml,
    blocks,
    paragraphs: blocks
      .filter((b): b is { kind: "p"; text: string } => b.kind === "p")
      .map((b) => b.text),
    tables: blocks
      .filter((b): b is { kind: "table"; rows: string[][] } => b.kind === "table")
      .map((b) => b.rows),
  };
}

/** The blocks from the heading that starts with `start` up to the next heading of its level (一、 二、 …). */
export function section(doc: ReadDocx, start: string): DocBlock[] {
  const i = doc.blocks.findIndex((b) => b.kind === "p" && b.text.startsWith(start));
  if (i < 0) throw new Error(`no section ${start}`);
  const next = doc.blocks.findIndex(
    (b, j) => j > i && b.kind === "p" && /^[一二三四五六七八九十]+、/.test(b.text)
  );
  return doc.blocks.slice(i, next < 0 ? undefined : next);
}

/** The table that follows the caption starting with `caption`. */
export function tableAfter(blocks: DocBlock[], caption: string): string[][] {
  const i = blocks.findIndex((b) => b.kind === "p" && b.text.startsWith(caption));
  const t = blocks[i + 1];
  if (i < 0 || !t || t.kind !== "table") throw new Error(`no table after ${caption}`);
  return t.rows;
}
