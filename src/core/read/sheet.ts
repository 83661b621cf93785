/**
 * Finding the monitoring table in a sheet, wherever it is (SPEC §2): title rows, merged cells,
 * a second header row for years, blank rows, notes under the table, the header block of labels.
 * The reader only locates cells; it does not judge values (that is the validator's job).
 */
import { type Cell, type SheetGrid, cellAddress, cellText, getCell } from '../model/cells';
import { normaliseKey, foldWidth } from './text';
import { memoText } from '../util/memo';

export type ColumnKey =
  | 'code'
  | 'category'
  | 'indicator'
  | 'unit'
  | 'baseline'
  | 'target'
  | 'actual'
  | 'previous'
  | 'responsible'
  | 'remarks';

/** Accepted header names per column (SPEC §2), matched after normaliseKey. */
export const COLUMN_NAMES: Record<ColumnKey, string[]> = {
  code: ['指标编码', '编码', '代码', '指标代码', '指标编号', '编号', 'Code'],
  category: ['一级指标', '类别', '指标类别', '领域', '指标类型', 'Category'],
  indicator: ['指标名称', '指标', '二级指标', '考核指标', '监测指标', '具体指标', '指标内容', 'Indicator'],
  unit: ['单位', '计量单位', '指标单位', '单位名称(计量)', 'Unit'],
  baseline: ['基期值', '基数', '基准值', '2020年', '2020年基数', '2020年底', '2020年底基数', '基期', 'Baseline'],
  target: ['目标值', '目标', '2023年目标', '目标任务', '2023年目标值', '2023年底目标', '任务目标', '分解任务', '目标任务数', 'Target'],
  actual: ['本期完成值', '本期', '完成值', '实际值', '本期值', '截至本期', '累计完成', '实际完成', '完成情况', '本期完成', '截至本期完成', '截止本期', '本期实际完成', 'Actual'],
  previous: ['上期完成值', '上期值', '上年同期', '上期', '上年同期值', 'Previous'],
  responsible: ['责任单位', '牵头单位', '责任部门', 'Responsible'],
  remarks: ['备注', '说明', '情况说明', '备注说明', 'Remarks'],
};

export type MetaKey = 'unit' | 'period' | 'preparer' | 'reviewer' | 'phone' | 'reportDate';

export const META_LABELS: Record<MetaKey, string[]> = {
  unit: ['填报单位', '报送单位', '单位名称', '填报单位(盖章)', '报送单位(盖章)', '单位(盖章)'],
  period: ['报告期', '统计期', '填报期间', '期别', '报告期间', '统计期间', '统计时段', '所属期'],
  preparer: ['填表人', '填报人', '统计人'],
  reviewer: ['审核人', '负责人', '单位负责人'],
  phone: ['联系电话', '电话', '联系方式'],
  reportDate: ['报出日期', '填报日期', '报送日期', '填表日期'],
};

export interface CellRef {
  row: number;
  col: number;
  address: string;
  cell: Cell | undefined;
  /** The visible text, trimmed ('' for empty). */
  text: string;
}

export interface MetaEntry {
  /** The value: text or, for a date cell, the cell value. */
  value: string | number | Date;
  text: string;
  address: string;
}

export interface SheetRow {
  /** 0-based row of the sheet. */
  row: number;
  code: string;
  name: string;
  category: string;
  /** The cells the header names, when the table has such a column. */
  cells: Partial<Record<ColumnKey, CellRef>>;
  /** Index into ReadSheet.tables of the table the row belongs to. */
  table: number;
  /** Wide layout: one cell per year column (earlier years are history). */
  years: { year: number; ref: CellRef }[];
}

export interface TableLayout {
  headerRow: number;
  /** Rows used by the header (1 or 2). */
  headerRows: number;
  columns: Partial<Record<ColumnKey, number>>;
  /** The header text of each recognised column (e.g. 上年同期 vs 上期完成值). */
  headers: Partial<Record<ColumnKey, string>>;
  yearColumns: { year: number; col: number }[];
}

export interface ReadSheet {
  sheet: string;
  recognised: boolean;
  meta: Partial<Record<MetaKey, MetaEntry>>;
  /** The title text (first non-empty row above the table), used only as a fallback for the period. */
  title: string;
  tables: TableLayout[];
  rows: SheetRow[];
}

const HEADER_INDEX: { key: string; column: ColumnKey }[] = Object.entries(COLUMN_NAMES)
  .flatMap(([column, names]) => names.map((n) => ({ key: normaliseKey(n), column: column as ColumnKey })))
  // Longest first, so "指标编码" wins over "指标" in prefix matches.
  .sort((a, b) => b.key.length - a.key.length);
const HEADER_EXACT = new Map(HEADER_INDEX.map((h) => [h.key, h.column]));

/** A header text with its bracketed notes and units removed: "本期完成值（截至9月底）" → "本期完成值". */
function headerCore(text: string): string {
  return normaliseKey(text).replace(/\([^()]*\)/g, '').replace(/[:：*]/g, '');
}

/** "2021年", "2022", "2021年完成值", "2022年实际" → 2021/2022; other text → null. */
export const yearOfHeader = memoText(yearOfHeaderText);

function yearOfHeaderText(text: string): number | null {
  const k = headerCore(text);
  const m = /^(20\d\d)(年度?)?(完成值?|完成情况|实际值?|实际完成|数据|数值|值|底)?$/.exec(k);
  return m ? Number(m[1]) : null;
}

/** A plain number ("1.42", "-3,000", "1e308") names no column; most cells of a table are one. */
const PLAIN_NUMBER = /^[-+]?[\d.,]+(e[-+]?\d+)?%?$/i;

/**
 * Every cell of every row is classified (a second table may start anywhere), and the texts repeat:
 * indicator names, units, remarks — so the answer is remembered per text.
 */
const classifyText = memoText(classifyHeaderText);

export function classifyHeader(text: string): ColumnKey | null {
  return PLAIN_NUMBER.test(text) ? null : classifyText(text);
}

function classifyHeaderText(text: string): ColumnKey | null {
  const k = headerCore(text);
  if (!k) return null;
  const exact = HEADER_EXACT.get(k);
  if (exact) return exact;
  // "2021年完成值" is a year column of the wide layout, not the actual column.
  if (yearOfHeader(text) !== null) return null;
  // "2022年目标值", "目标值(亩)": prefix or suffix match on the longer names only, to avoid "单位" in "填报单位".
  for (const h of HEADER_INDEX) {
    if (h.key.length >= 3 && (k.startsWith(h.key) || (k.endsWith(h.key) && /^20\d\d年/.test(k)))) return h.column;
  }
  // A period as the header of the figures: "2022年1-9月", "截至9月底", "三季度完成", "本年累计".
  if (PERIOD_HEADER.test(k)) return k.startsWith('上') ? 'previous' : 'actual';
  return null;
}

const PERIOD_HEADER = new RegExp(
  '^(截至|截止|至)?(20\\d\\d年)?(本年|本季度?|上期|上季度?|1-\\d{1,2}月|\\d{1,2}月(底|末)?|第?[一二三四1-4]季度|前三季度|上半年|全年)'
  + '(累计)?(完成|实际|实现)?(值|数|情况)?$',
);

function refAt(grid: SheetGrid, row: number, col: number): CellRef {
  const cell = getCell(grid, row, col);
  return { row, col, address: cellAddress(row, col), cell, text: cellText(cell) };
}

function rowTexts(grid: SheetGrid, row: number): string[] {
  const r = grid.rows[row] ?? [];
  const out: string[] = [];
  for (let c = 0; c < r.length; c++) out[c] = cellText(r[c]);
  return out;
}

interface HeaderCandidate {
  columns: Partial<Record<ColumnKey, number>>;
  years: { year: number; col: number }[];
  hits: number;
}

function classifyRow(texts: string[]): HeaderCandidate {
  const columns: Partial<Record<ColumnKey, number>> = {};
  const years: { year: number; col: number }[] = [];
  let hits = 0;
  texts.forEach((t, c) => {
    if (!t || t.length > 40) return;
    const col = classifyHeader(t);
    if (col && columns[col] === undefined) {
      columns[col] = c;
      hits++;
      return;
    }
    if (!col) {
      const y = yearOfHeader(t);
      if (y !== null) {
        years.push({ year: y, col: c });
        hits++;
      }
    }
  });
  return { columns, years, hits };
}

function isHeader(c: HeaderCandidate): boolean {
  return c.columns.indicator !== undefined && (c.columns.actual !== undefined || c.years.length > 0) && c.hits >= 2;
}

/**
 * A second header row under the first: years, or column names under a merged group header
 * ("完成情况" over "上期 | 本期"). Returns null when the next row is not a header row.
 */
function mergeSecondRow(first: HeaderCandidate, second: HeaderCandidate, texts: string[]): HeaderCandidate | null {
  if (second.hits === 0 || second.columns.indicator !== undefined) return null;
  // A data row may hold a header word ("说明" as a remark): a header row names no indicator and
  // holds no figure, and most of its texts are column names.
  const filled = texts.filter((t) => t);
  const nameCols = [first.columns.indicator, first.columns.code].filter((c): c is number => c !== undefined);
  if (nameCols.some((c) => texts[c]) || filled.some((t) => PLAIN_NUMBER.test(t)) || second.hits * 2 < filled.length) return null;
  const columns = { ...first.columns };
  const named = new Set(Object.values(second.columns));
  const yearCols = new Set(second.years.map((y) => y.col));
  for (const key of Object.keys(columns) as ColumnKey[]) {
    const col = columns[key]!;
    // A group header ("完成情况") over the second row's names or years no longer names its column;
    // a named header over a year ("目标任务" over "2023年") keeps its meaning.
    if ((named.has(col) && second.columns[key] === undefined) || (key === 'actual' && yearCols.has(col))) delete columns[key];
  }
  Object.assign(columns, second.columns);
  const used = new Set(Object.values(columns));
  const years = [...first.years.filter((y) => !named.has(y.col) && !yearCols.has(y.col)), ...second.years]
    .filter((y) => !used.has(y.col));
  return { columns, years, hits: first.hits + second.hits };
}

const META_INDEX = new Map<string, MetaKey>(
  (Object.entries(META_LABELS) as [MetaKey, string[]][]).flatMap(([key, labels]) => labels.map((l) => [normaliseKey(l), key] as const)),
);

/** Every cell under the table is tried as a label too (notes and signatures follow the table). */
const metaLabel = memoText(metaLabelText);

function metaLabelText(text: string): { key: MetaKey; rest: string } | null {
  const folded = foldWidth(text).trim();
  const m = /^([^:：]{1,14})[:：]\s*(.*)$/.exec(folded);
  const key = META_INDEX.get(normaliseKey(m ? m[1] : folded).replace(/[:：]$/, ''));
  return key ? { key, rest: m ? m[2].trim() : '' } : null;
}

/**
 * Metadata from a row: "填报单位：市科技局" in one cell, or "填报单位" then the value in the next
 * non-empty cell; several labels may share one row (填表人：… 联系电话：…).
 */
const SEVERAL_LABELS = /\s{2,}|　+/;

function readMetaRow(grid: SheetGrid, row: number, meta: ReadSheet['meta']): boolean {
  const r = grid.rows[row] ?? [];
  let found = false;
  for (let c = 0; c < r.length; c++) {
    // Labels are text; most cells of a table are figures, skipped without building their text.
    if (typeof r[c]?.value !== 'string') continue;
    const text = cellText(r[c]);
    if (!text) continue;
    // One cell may hold several "label：value" pairs separated by spaces.
    const parts = SEVERAL_LABELS.test(text) ? text.split(SEVERAL_LABELS).filter(Boolean) : [text];
    for (const part of parts) {
      const hit = metaLabel(part);
      if (!hit) continue;
      found = true;
      if (meta[hit.key]) continue;
      if (hit.rest) {
        meta[hit.key] = { value: hit.rest, text: hit.rest, address: cellAddress(row, c) };
        continue;
      }
      for (let d = c + 1; d < r.length; d++) {
        const v = r[d];
        const t = cellText(v);
        if (!t) continue;
        if (metaLabel(t)) break;
        const value = v && (v.value instanceof Date || typeof v.value === 'number') ? (v.value as number | Date) : t;
        meta[hit.key] = { value, text: t, address: cellAddress(row, d) };
        break;
      }
    }
  }
  return found;
}

/**
 * The cell that names the row's indicator. A header "指标" merged over two columns puts the category
 * under its first column and the names in the next one, which has no header of its own: when the
 * header's column does not name a known indicator and the unnamed column right of it does, that one.
 */
function indicatorColumn(table: TableLayout, texts: string[], options: ReadOptions): number | undefined {
  const c = table.columns.indicator;
  if (c === undefined || !options.isIndicator) return c;
  if (texts[c] && options.isIndicator(texts[c])) return c;
  const used = new Set<number>([...Object.values(table.columns), ...table.yearColumns.map((y) => y.col)]);
  for (let d = c + 1; d <= c + 2 && !used.has(d); d++) {
    if (texts[d] && options.isIndicator(texts[d])) return d;
  }
  return c;
}

const NOTE_ROW = /^(注|说明|备注|填表说明|数据来源|附注)\s*[:：0-9一二三.、]/;

export interface ReadOptions {
  /** Tells a section title from an indicator row that has no values yet. */
  isIndicator?: (name: string) => boolean;
}

const DATA_COLUMNS: readonly ColumnKey[] = ['unit', 'baseline', 'target', 'actual', 'previous'];

export function readSheet(grid: SheetGrid, options: ReadOptions = {}): ReadSheet {
  const meta: ReadSheet['meta'] = {};
  const tables: TableLayout[] = [];
  const rows: SheetRow[] = [];
  let title = '';
  let current: TableLayout | null = null;
  let category = '';

  for (let r = 0; r < grid.rows.length; r++) {
    const texts = rowTexts(grid, r);
    const filled = texts.filter((t) => t);
    if (filled.length === 0) continue;

    const cand = classifyRow(texts);
    if (isHeader(cand)) {
      const nextTexts = rowTexts(grid, r + 1);
      const merged = mergeSecondRow(cand, classifyRow(nextTexts), nextTexts);
      const head = merged ?? cand;
      const headers: Partial<Record<ColumnKey, string>> = {};
      for (const [k, c] of Object.entries(head.columns) as [ColumnKey, number][]) {
        headers[k] = (merged && nextTexts[c]) || texts[c];
      }
      current = {
        headerRow: r,
        headerRows: merged ? 2 : 1,
        columns: head.columns,
        headers,
        yearColumns: head.years.filter((y) => !Object.values(head.columns).includes(y.col)),
      };
      tables.push(current);
      category = '';
      r += current.headerRows - 1;
      continue;
    }

    if (!current) {
      if (!readMetaRow(grid, r, meta) && !title) title = filled.join(' ');
      continue;
    }

    // Inside or under a table.
    if (filled.length === 1 && NOTE_ROW.test(foldWidth(filled[0]))) continue;
    if (readMetaRow(grid, r, meta)) continue;

    const col = current.columns;
    const at = (c: number | undefined) => (c === undefined ? undefined : refAt(grid, r, c));
    const code = col.code !== undefined ? texts[col.code] ?? '' : '';
    const nameCol = indicatorColumn(current, texts, options);
    const name = nameCol !== undefined ? texts[nameCol] ?? '' : '';
    if (col.category !== undefined && texts[col.category]) category = texts[col.category];
    if (!code && !name) continue;

    const cells: SheetRow['cells'] = {};
    for (const key of Object.keys(col) as ColumnKey[]) {
      const ref = at(key === 'indicator' ? nameCol : col[key]);
      if (ref) cells[key] = ref;
    }
    const years = current.yearColumns.map((y) => ({ year: y.year, ref: refAt(grid, r, y.col) }));
    const hasData = DATA_COLUMNS.some((k) => cells[k]?.text) || years.some((y) => y.ref.text);
    // A lone text in the indicator column with nothing else is a section title (一、科技创新投入), kept as
    // the category — unless it names a known indicator, whose row then simply lacks its values.
    if (!hasData && !code && filled.length === 1 && !(options.isIndicator?.(name) ?? false)) {
      category = name.replace(/^[一二三四五六七八九十]+[、.．]\s*/, '');
      continue;
    }
    rows.push({ row: r, table: tables.length - 1, code, name, category, cells, years });
  }

  return { sheet: grid.name, recognised: tables.length > 0, meta, title, tables, rows };
}
