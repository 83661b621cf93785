/**
 * Edits of a user's worksheet XML that touch only what they must: a cell's style reference, a
 * missing cell added (empty, styled) where a mark falls on an empty cell, a sheet view's tab
 * selection, rows appended at the end. Everything else in the part is kept character for character.
 */
import { cellAddress, parseAddress } from "../../core/model/cells";
import { attribute, setAttribute } from "./xml";

interface RowSpan {
  start: number;
  end: number;
  row: number;
  /** End of the row's start tag; equals `end` for an empty `<row/>`. */
  openEnd: number;
  selfClosing: boolean;
}

interface CellSpan {
  start: number;
  end: number;
  col: number;
  /** The start tag's text. */
  tag: string;
}

/** The element prefix the part uses ("x:" or ""), read from its root element. */
export function prefixOf(xml: string): string {
  const m = /<([A-Za-z_][\w.-]*:)?worksheet[\s>]/.exec(xml);
  return m?.[1] ?? "";
}

function sheetDataBounds(xml: string, p: string): { inner: number; close: number } | null {
  const open = xml.indexOf(`<${p}sheetData`);
  if (open < 0) return null;
  const tagEnd = xml.indexOf(">", open);
  if (xml[tagEnd - 1] === "/") return { inner: tagEnd + 1, close: -1 };
  const close = xml.indexOf(`</${p}sheetData>`, tagEnd);
  return { inner: tagEnd + 1, close };
}

/** The rows of sheetData with their 0-based numbers (implicit numbers follow on, as Excel reads them). */
export function scanRows(xml: string, p: string, from: number, to: number): RowSpan[] {
  const out: RowSpan[] = [];
  const open = `<${p}row`;
  const close = `</${p}row>`;
  let pos = from;
  let prev = -1;
  for (;;) {
    const start = xml.indexOf(open, pos);
    if (start < 0 || start >= to) break;
    const next = xml.charCodeAt(start + open.length);
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      pos = start + open.length;
      continue;
    }
    const openEnd = xml.indexOf(">", start) + 1;
    const tag = xml.slice(start, openEnd);
    const r = attribute(tag, "r");
    const row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : prev + 1;
    const selfClosing = tag.endsWith("/>");
    const end = selfClosing ? openEnd : xml.indexOf(close, openEnd) + close.length;
    out.push({ start, end, row, openEnd, selfClosing });
    prev = row;
    pos = end;
  }
  return out;
}

function scanCells(xml: string, p: string, row: RowSpan): CellSpan[] {
  const out: CellSpan[] = [];
  if (row.selfClosing) return out;
  const open = `<${p}c`;
  const close = `</${p}c>`;
  const limit = row.end - `</${p}row>`.length;
  let pos = row.openEnd;
  let prev = -1;
  for (;;) {
    const start = xml.indexOf(open, pos);
    if (start < 0 || start >= limit) break;
    const next = xml.charCodeAt(start + open.length);
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      pos = start + open.length;
      continue;
    }
    const tagEnd = xml.indexOf(">", start) + 1;
    const tag = xml.slice(start, tagEnd);
    const r = attribute(tag, "r");
    const col = r ? parseAddress(r).col : prev + 1;
    const end = tag.endsWith("/>") ? tagEnd : xml.indexOf(close, tagEnd) + close.length;
    out.push({ start, end, col, tag });
    prev = col;
    pos = end;
  }
  return out;
}

/** A replacement of xml[start, end) by text; edits never overlap. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies edits in order of position (insertions at one place keep the order they were made). */
export function applyEdits(xml: string, edits: Edit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) {
    out.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(xml.slice(at));
  return out.join("");
}

/** The change of a cell's style index: from its index before (0 when it had none or did not exist). */
export type StyleChange = (oldXf: number) => number;

interface Target {
  col: number;
  key: string;
  change: StyleChange;
}

/**
 * Sets the style index of cells (A1 address → change of the old index), adding empty cells and
 * rows where a cell does not exist yet. Returns the new XML and each cell's previous style index.
 */
export function restyleCells(
  xml: string,
  changes: Map<string, StyleChange>
): { xml: string; before: Map<string, number> } {
  const before = new Map<string, number>();
  if (changes.size === 0) return { xml, before };
  const p = prefixOf(xml);
  const bounds = sheetDataBounds(xml, p);
  if (!bounds) throw new Error("the sheet has no sheetData");
  const byRow = new Map<number, Target[]>();
  for (const [key, change] of changes) {
    const { row, col } = parseAddress(key);
    const list = byRow.get(row) ?? [];
    list.push({ col, key, change });
    byRow.set(row, list);
  }
  const newCell = (t: Target) => {
    before.set(t.key, 0);
    return `<${p}c r="${t.key}" s="${t.change(0)}"/>`;
  };
  const newRow = (rowNo: number, targets: Target[]) =>
    `<${p}row r="${rowNo + 1}">${targets.map(newCell).join("")}</${p}row>`;
  const wanted = [...byRow.keys()].sort((a, b) => a - b);
  if (bounds.close < 0) {
    // <sheetData/>: it becomes an element holding the new rows.
    const tagStart = xml.lastIndexOf(`<${p}sheetData`, bounds.inner);
    const rowsText = wanted
      .map((r) =>
        newRow(
          r,
          byRow.get(r)!.sort((a, b) => a.col - b.col)
        )
      )
      .join("");
    return {
      xml: applyEdits(xml, [
        { start: tagStart, end: bounds.inner, text: `<${p}sheetData>${rowsText}</${p}sheetData>` },
      ]),
      before,
    };
  }
  const rows = scanRows(xml, p, bounds.inner, bounds.close);
  const edits: Edit[] = [];
  let ri = 0;
  for (const rowNo of wanted) {
    const targets = byRow.get(rowNo)!.sort((a, b) => a.col - b.col);
    while (ri < rows.length && rows[ri].row < rowNo) ri++;
    const row = rows[ri];
    if (!row || row.row !== rowNo) {
      const at = row ? row.start : bounds.close;
      edits.push({ start: at, end: at, text: newRow(rowNo, targets) });
      continue;
    }
    editRow(xml, p, row, targets, before, edits, newCell);
  }
  return { xml: applyEdits(xml, edits), before };
}

function editRow(
  xml: string,
  p: string,
  row: RowSpan,
  targets: Target[],
  before: Map<string, number>,
  edits: Edit[],
  newCell: (t: Target) => string
): void {
  let rowTag = xml.slice(row.start, row.openEnd);
  // A row's spans are an optimisation hint; one that would no longer cover its cells is dropped.
  const spans = attribute(rowTag, "spans");
  if (spans) {
    const [lo, hi] = spans.split(":").map(Number);
    if (targets.some((t) => !(t.col + 1 >= lo && t.col + 1 <= hi)))
      rowTag = setAttribute(rowTag, "spans", undefined);
  }
  if (row.selfClosing) {
    edits.push({
      start: row.start,
      end: row.end,
      text: `${rowTag.slice(0, -2)}>${targets.map(newCell).join("")}</${p}row>`,
    });
    return;
  }
  if (rowTag !== xml.slice(row.start, row.openEnd))
    edits.push({ start: row.start, end: row.openEnd, text: rowTag });
  const cells = scanCells(xml, p, row);
  let ci = 0;
  for (const t of targets) {
    while (ci < cells.length && cells[ci].col < t.col) ci++;
    const cell = cells[ci];
    if (cell && cell.col === t.col) {
      const old = Number(attribute(cell.tag, "s") ?? 0) || 0;
      before.set(t.key, old);
      let tag = setAttribute(cell.tag, "s", String(t.change(old)));
      // A cell without r gets one, so its place stays certain after the edit.
      if (attribute(tag, "r") === undefined)
        tag = setAttribute(tag, "r", cellAddress(row.row, cell.col));
      edits.push({ start: cell.start, end: cell.start + cell.tag.length, text: tag });
    } else {
      const at = cell ? cell.start : row.end - `</${p}row>`.length;
      edits.push({ start: at, end: at, text: newCell(t) });
    }
  }
}

/** Sets or clears tabSelected on the sheet's first sheet view; undefined when nothing changes. */
export function setTabSelected(xml: string, selected: boolean): string | undefined {
  const p = prefixOf(xml);
  const m = new RegExp(`<${p}sheetView(?=[\\s/>])[^>]*>`).exec(xml);
  if (!m) return undefined;
  const now = attribute(m[0], "tabSelected");
  const is = now === "1" || now === "true";
  if (is === selected) return undefined;
  const tag = setAttribute(m[0], "tabSelected", selected ? "1" : undefined);
  return xml.slice(0, m.index) + tag + xml.slice(m.index + m[0].length);
}

/** The 0-based number of the sheet's last row (-1 when it has none). */
export function lastRowOf(xml: string): number {
  const p = prefixOf(xml);
  const bounds = sheetDataBounds(xml, p);
  if (!bounds || bounds.close < 0) return -1;
  const rows = scanRows(xml, p, bounds.inner, bounds.close);
  return rows.length ? Math.max(...rows.map((r) => r.row)) : -1;
}

/** Appends rows' XML at the end of sheetData. */
export function appendRowsXml(xml: string, rowsXml: string): string {
  const p = prefixOf(xml);
  const bounds = sheetDataBounds(xml, p);
  if (!bounds) throw new Error("the sheet has no sheetData");
  if (bounds.close < 0) {
    const tagStart = xml.lastIndexOf(`<${p}sheetData`, bounds.inner);
    return applyEdits(xml, [
      { start: tagStart, end: bounds.inner, text: `<${p}sheetData>${rowsXml}</${p}sheetData>` },
    ]);
  }
  return applyEdits(xml, [{ start: bounds.close, end: bounds.close, text: rowsXml }]);
}
