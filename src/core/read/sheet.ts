/**
 * Finding the monitoring table in a sheet, wherever it is (SPEC §2): title rows, merged cells,
 * a second header row for years, blank rows, notes under the table, the header block of labels.
 * The reader only locates cells; it does not judge values (that is the validator's job).
 */
import { type Cell, type SheetGrid, cellAddress, cellText, getCell, isBlank } from '../model/cells';
import { normaliseKey, foldWidth } from './text';
import { normaliseUnit, parseUnit } from './units';
import { parsePeriod } from './period';
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
  indicator: ['指标名称', '指标', '二级指标', '考核指标', '监测指标', '具体指标', '指标内容', '项目', '指标项目', '指标项', '评价指标', '三级指标', '监测项目', 'Indicator'],
  unit: ['单位', '计量单位', '指标单位', '单位名称(计量)', 'Unit'],
  baseline: ['基期值', '基数', '基准值', '2020年', '2020年基数', '2020年底', '2020年底基数', '基期', 'Baseline'],
  target: ['目标值', '目标', '2023年目标', '目标任务', '2023年目标值', '2023年底目标', '任务目标', '分解任务', '目标任务数', '目标数', 'Target'],
  actual: [
    '本期完成值', '本期', '完成值', '实际值', '本期值', '截至本期', '累计完成', '实际完成', '完成情况', '本期完成', '截至本期完成',
    '截止本期', '本期实际完成', '完成', '完成数', '数值', '数据', '实际', 'Actual',
  ],
  previous: ['上期完成值', '上期值', '上年同期', '上期', '上年同期值', 'Previous'],
  responsible: ['责任单位', '牵头单位', '责任部门', 'Responsible'],
  remarks: ['备注', '说明', '情况说明', '备注说明', 'Remarks'],
};

/** `measure` is a unit of measure for the whole table ("单位：万亩" above it). */
export type MetaKey = 'unit' | 'period' | 'preparer' | 'reviewer' | 'phone' | 'reportDate' | 'measure';

/** Labels of the header block, matched after normaliseKey with bracketed notes such as （盖章） removed. */
export const META_LABELS: Record<MetaKey, string[]> = {
  unit: ['填报单位', '报送单位', '单位名称', '填报单位名称', '报送单位名称', '填报部门', '编制单位', '制表单位', 'Reporting unit', 'Unit name'],
  period: [
    '报告期', '统计期', '填报期间', '期别', '报告期间', '统计期间', '统计时段', '所属期', '统计时间', '报告时间',
    '截止日期', '统计截止日期', '数据截止日期', '截止时间', '数据截止时间', 'Period', 'Reporting period',
  ],
  preparer: ['填表人', '填报人', '统计人', '制表人', '统计员', 'Prepared by'],
  reviewer: ['审核人', '负责人', '单位负责人', '统计负责人', '分管领导', '主要负责人', 'Reviewed by', 'Reviewer'],
  phone: ['联系电话', '电话', '联系方式', 'Tel', 'Phone'],
  reportDate: ['报出日期', '填报日期', '报送日期', '填表日期', '填报时间', '报送时间'],
  // "单位：万亩" is a unit of measure; "单位：合作市科技局" a reporting unit (told apart by the value).
  measure: ['单位', '计量单位', '金额单位', '面积单位'],
};

export interface CellRef {
  readonly row: number;
  readonly col: number;
  readonly address: string;
  readonly cell: Cell | undefined;
  /** The visible text, trimmed ('' for empty). */
  readonly text: string;
}

/**
 * A cell the reader located. Its address and a number's text are built only when asked: a big
 * workbook has hundreds of thousands of value cells, and only those with a finding are ever shown.
 */
class LocatedCell implements CellRef {
  private knownText: string | undefined;
  private knownAddress: string | undefined;
  constructor(readonly row: number, readonly col: number, readonly cell: Cell | undefined, text: string | undefined) {
    this.knownText = text;
    this.knownAddress = undefined;
  }

  get text(): string {
    return (this.knownText ??= cellText(this.cell));
  }

  get address(): string {
    return (this.knownAddress ??= cellAddress(this.row, this.col));
  }
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
  /** One cell per period column ("一季度 | 二季度 | 三季度"), with its header. */
  periods: { header: string; ref: CellRef }[];
}

export interface TableLayout {
  headerRow: number;
  /** Rows used by the header (1 or 2). */
  headerRows: number;
  columns: Partial<Record<ColumnKey, number>>;
  /** The header text of each recognised column (e.g. 上年同期 vs 上期完成值), the lowest header row's. */
  headers: Partial<Record<ColumnKey, string>>;
  /** A unit of measure the header gives its column: 本期完成值（万亩） → 万亩. */
  units: Partial<Record<ColumnKey, string>>;
  yearColumns: { year: number; col: number }[];
  /**
   * Several columns headed by a period ("一季度 | 二季度 | 三季度", "2022年1-6月 | 2022年1-9月"): the one
   * of the sheet's period is the actual, earlier ones are history. Empty when one column is the actual.
   */
  periodColumns: { header: string; col: number }[];
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
export function yearOfHeader(text: string): number | null {
  // Most cells are figures, each different; a figure is a year only as "2022", so none is remembered.
  if (PLAIN_NUMBER.test(text)) return /^20\d\d$/.test(text) ? Number(text) : null;
  return yearOfText(text);
}

const yearOfText = memoText(yearOfHeaderText);

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
  // "完成情况说明" is a remark; "本期完成率", "完成进度", "同比增长" are rates beside the figures, not figures.
  if (REMARK_HEADER.test(k)) return 'remarks';
  if (RATE_HEADER.test(k)) return null;
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

const REMARK_HEADER = /(说明|备注|原因|存在问题|下步措施)$/;
const RATE_HEADER = /(率|比例|比重|进度|百分比|增幅|增速|增长|增减|幅度|排名|差距|差额)$/;

const PERIOD_HEADER = new RegExp(
  '^(截至|截止|至)?(20\\d\\d年)?(本年|本季度?|上期|上季度?|1[-—–~～至]\\d{1,2}月|\\d{1,2}月(底|末)?|第?[一二三四1-4]季度|前三季度|上半年|全年)'
  + '(累计)?(完成|实际|实现)?(值|数|情况)?$',
);

/** The cell at (row, col) of a row being read. */
function refAt(view: RowView, col: number): CellRef {
  return new LocatedCell(view.row, col, view.cells[col], view.known(col));
}

/**
 * The texts of a row, each built when first asked for: a figure's text (String of a double) costs
 * more than everything else the reader does with a data row, and is rarely needed.
 */
class RowView {
  cells: (Cell | undefined)[] = [];
  row = -1;
  private readonly texts: (string | undefined)[] = [];
  /** Slots of `texts` written since the last move, all below this. */
  private used = 0;

  /** Moves the view to another row (one view serves a whole sheet: a row's texts are not kept). */
  at(grid: SheetGrid, row: number): this {
    for (let c = 0; c < this.used; c++) this.texts[c] = undefined;
    this.used = 0;
    this.cells = grid.rows[row] ?? [];
    this.row = row;
    return this;
  }

  get length(): number {
    return this.cells.length;
  }

  text(c: number): string {
    let t = this.texts[c];
    if (t === undefined) {
      t = c < this.cells.length ? cellText(this.cells[c]) : '';
      this.texts[c] = t;
      if (c >= this.used) this.used = c + 1;
    }
    return t;
  }

  /** The text when already built or cheap (a text cell's); undefined for a figure not yet shown. */
  known(c: number): string | undefined {
    const t = this.texts[c];
    if (t !== undefined) return t;
    const v = this.cells[c]?.value;
    return typeof v === 'number' ? undefined : this.text(c);
  }

  /** True when the cell shows something, without building a figure's text. */
  filled(c: number): boolean {
    return this.texts[c] !== undefined ? this.texts[c] !== '' : !isBlank(this.cells[c]);
  }

  /** Every text of the row (header rows, section titles). */
  all(): string[] {
    const out: string[] = [];
    for (let c = 0; c < this.cells.length; c++) out[c] = this.text(c);
    return out;
  }
}

/** Every text of a row (the rows a header may span). */
function rowTexts(grid: SheetGrid, row: number): string[] {
  return new RowView().at(grid, row).all();
}

interface HeaderCandidate {
  columns: Partial<Record<ColumnKey, number>>;
  years: { year: number; col: number }[];
  hits: number;
  /** Every cell that names a column, also the second and later ones of the same name. */
  named: { col: number; key: ColumnKey }[];
}

function classifyRow(texts: string[]): HeaderCandidate {
  const columns: Partial<Record<ColumnKey, number>> = {};
  const years: { year: number; col: number }[] = [];
  const named: { col: number; key: ColumnKey }[] = [];
  let hits = 0;
  texts.forEach((t, c) => {
    if (!t || t.length > 40) return;
    const col = classifyHeader(t);
    if (col) named.push({ col: c, key: col });
    if (col && columns[col] === undefined) {
      columns[col] = c;
      hits++;
      return;
    }
    // "本季度完成 | 累计完成": the figure to date, not the quarter's increment, is the actual.
    if (col === 'actual' && TO_DATE.test(t) && !TO_DATE.test(texts[columns.actual!])) columns.actual = c;
    if (!col) {
      const y = yearOfHeader(t);
      if (y !== null) {
        years.push({ year: y, col: c });
        hits++;
      }
    }
  });
  return { columns, years, hits, named };
}

const TO_DATE = /累计|截至|截止/;

/** A row that can start a header: one of its texts names the indicator column (as classifyRow reads it). */
function namesIndicatorColumn(view: RowView): boolean {
  // Only a text cell can: a figure, a date or an error value names no column.
  for (let c = 0; c < view.length; c++) {
    if (typeof view.cells[c]?.value !== 'string') continue;
    const t = view.text(c);
    if (t && t.length <= 40 && classifyHeader(t) === 'indicator') return true;
  }
  return false;
}

/** A column headed by a period: "2022年1-9月", "三季度", "截至6月底". */
function isPeriodHeader(text: string): boolean {
  return classifyHeader(text) === 'actual' && PERIOD_HEADER.test(headerCore(text));
}

function isHeader(c: HeaderCandidate): boolean {
  return c.columns.indicator !== undefined && (c.columns.actual !== undefined || c.years.length > 0) && c.hits >= 2;
}

/** Header rows at most: a group row (完成情况 over 上期 | 本期), a row of names, a row of years or notes. */
const MAX_HEADER_ROWS = 3;
/** A header cell that only notes something in brackets: "（2020年）", "(万亩)". */
const BRACKET_NOTE = /^[(（][^()（）]*[)）]$/;
/** The row of column numbers some forms carry under the header (栏次): 甲 乙 丙 1 2 3 … */
const COLUMN_NUMBER = /^(甲|乙|丙|丁|戊|己|庚|辛|栏次|行次|\d{1,2})$/;

function isColumnNumberRow(texts: string[]): boolean {
  const filled = texts.filter((t) => t);
  return filled.length >= 3 && filled.every((t) => COLUMN_NUMBER.test(t));
}

/**
 * A row that continues the header above it: it names columns or years, holds no figure, and most of
 * its texts are column names. A data row may hold a header word ("说明" as a remark), but its name
 * column holds a name, not a column name ("一级指标 | 二级指标" under a merged "指标" are column names).
 */
function continuesHeader(above: HeaderCandidate, next: HeaderCandidate, texts: string[]): boolean {
  if (next.hits === 0) return false;
  const filled = texts.filter((t) => t && !BRACKET_NOTE.test(t));
  if (filled.some((t) => PLAIN_NUMBER.test(t))) return false;
  const nameCols = [above.columns.indicator, above.columns.code].filter((c): c is number => c !== undefined);
  if (nameCols.some((c) => texts[c] && classifyHeader(texts[c]) === null && yearOfHeader(texts[c]) === null)) return false;
  return next.hits * 2 >= filled.length;
}

/**
 * The header rows merged, the lower row naming its columns: a group header ("完成情况") over the lower
 * row's names or years no longer names its column; a named header over a year ("目标任务" over "2023年")
 * keeps its meaning; a name given again lower down ("指标" over "一级指标 | 二级指标") moves there.
 */
function mergeHeaderRow(upper: HeaderCandidate, lower: HeaderCandidate): HeaderCandidate {
  const { first, second } = yearGroups(upper, lower) ?? { first: upper, second: lower };
  const columns = { ...first.columns };
  const named = new Set(Object.values(second.columns));
  const yearCols = new Set(second.years.map((y) => y.col));
  for (const key of Object.keys(columns) as ColumnKey[]) {
    const col = columns[key]!;
    if ((named.has(col) && second.columns[key] === undefined) || (key === 'actual' && yearCols.has(col))) delete columns[key];
  }
  Object.assign(columns, second.columns);
  const used = new Set(Object.values(columns));
  const years = [...first.years.filter((y) => !named.has(y.col) && !yearCols.has(y.col)), ...second.years]
    .filter((y) => !used.has(y.col));
  return { columns, years, hits: first.hits + second.hits, named: [...first.named, ...second.named] };
}

/**
 * Years over sub-columns ("2021年 | 2022年", each merged over "目标 | 完成"): each year's 完成 is that
 * year's column of the wide layout; its 目标 is the year's own target, not the plan's, and is not read.
 * Null when the upper row's years head no such sub-columns.
 */
function yearGroups(first: HeaderCandidate, second: HeaderCandidate): { first: HeaderCandidate; second: HeaderCandidate } | null {
  if (!first.years.length) return null;
  const upperCols = Object.values(first.columns);
  // The year cell a lower cell sits under: the nearest year at or left of it, no other column name between.
  const groupOf = (col: number) => {
    const y = first.years.filter((g) => g.col <= col).sort((a, b) => b.col - a.col)[0];
    return y && !upperCols.some((c) => c > y.col && c <= col) ? y : undefined;
  };
  const sub = second.named.filter((n) => (n.key === 'actual' || n.key === 'target') && groupOf(n.col));
  if (!sub.some((n) => n.key === 'actual')) return null;
  const subCols = new Set(sub.map((n) => n.col));
  const grouped = new Set(sub.map((n) => groupOf(n.col)!.col));
  const years = sub.filter((n) => n.key === 'actual').map((n) => ({ year: groupOf(n.col)!.year, col: n.col }));
  const columns = { ...second.columns };
  for (const key of Object.keys(columns) as ColumnKey[]) if (subCols.has(columns[key]!)) delete columns[key];
  return {
    first: { ...first, years: first.years.filter((y) => !grouped.has(y.col)) },
    second: { ...second, columns, years: [...second.years, ...years], named: second.named.filter((n) => !subCols.has(n.col)) },
  };
}

/**
 * The target column of the plan's year: "2022年目标任务 | 2023年目标任务" → the 2023 one; a target
 * column of another year only is no target column.
 */
function planTarget(head: HeaderCandidate, headerTexts: string[][], targetYear: number): Partial<Record<ColumnKey, number>> {
  const columns = { ...head.columns };
  const yearOf = (col: number) => {
    const lowest = headerTexts.map((t) => t[col] ?? '').filter((t) => t).pop() ?? '';
    const m = /^(20\d\d)年/.exec(headerCore(lowest));
    return m ? Number(m[1]) : null;
  };
  const candidates = head.named.filter((n) => n.key === 'target' && !Object.entries(columns).some(([k, c]) => k !== 'target' && c === n.col));
  const best = candidates.find((n) => yearOf(n.col) === targetYear) ?? candidates.find((n) => yearOf(n.col) === null);
  if (best) columns.target = best.col;
  else delete columns.target;
  return columns;
}

/** A unit of measure in brackets in a header text: "本期完成值（万亩）" → 万亩, "目标值(%)" → %. */
function unitInHeader(text: string): string | null {
  for (const m of foldWidth(text).matchAll(/[(（]([^()（）]{1,10})[)）]/g)) {
    const unit = normaliseUnit(m[1]);
    if (unit && parseUnit(unit)) return unit;
  }
  return null;
}

/** The table whose header starts at row r, when the row (with up to two rows under it) is one. */
function readHeader(grid: SheetGrid, r: number, texts: string[], targetYear?: number): TableLayout | null {
  const first = classifyRow(texts);
  if (first.columns.indicator === undefined || first.hits < 2) return null;
  const headerTexts = [texts];
  let head = first;
  while (headerTexts.length < MAX_HEADER_ROWS) {
    const nextTexts = rowTexts(grid, r + headerTexts.length);
    const next = classifyRow(nextTexts);
    if (!continuesHeader(head, next, nextTexts)) break;
    head = mergeHeaderRow(head, next);
    headerTexts.push(nextTexts);
  }
  const numbered = isColumnNumberRow(rowTexts(grid, r + headerTexts.length));
  const key = `${targetYear ?? ''}\u0002${numbered}\u0002${headerTexts.map((t) => t.join('\u0001')).join('\u0002')}`;
  let known = knownHeaders.get(key);
  if (known === undefined) {
    known = layoutOf(head, headerTexts, numbered, targetYear);
    if (knownHeaders.size >= 2000) knownHeaders.clear();
    knownHeaders.set(key, known);
  }
  return known && { ...known, headerRow: r };
}

/**
 * The units of a batch fill the same form: a header's layout depends only on its texts, so it is
 * worked out once per distinct header (the layouts are frozen: every sheet's table shares them).
 */
const knownHeaders = new Map<string, Readonly<TableLayout> | null>();

function layoutOf(head: HeaderCandidate, headerTexts: string[][], numbered: boolean, targetYear: number | undefined): Readonly<TableLayout> | null {
  if (!isHeader(head)) return null;
  if (targetYear !== undefined) head = { ...head, columns: planTarget(head, headerTexts, targetYear) };
  const headers: Partial<Record<ColumnKey, string>> = {};
  const units: Partial<Record<ColumnKey, string>> = {};
  for (const [k, c] of Object.entries(head.columns) as [ColumnKey, number][]) {
    // The lowest text names the column; a unit may be written in any of its header cells.
    const stack = headerTexts.map((t) => t[c] ?? '').filter((t) => t).reverse();
    headers[k] = stack[0] ?? '';
    const unit = stack.map(unitInHeader).find((u) => u);
    if (unit) units[k] = unit;
  }
  const headerRows = headerTexts.length + (numbered ? 1 : 0);
  const columns = { ...head.columns };
  const taken = new Set(Object.entries(columns).filter(([k]) => k !== 'actual').map(([, c]) => c));
  const width = Math.max(...headerTexts.map((t) => t.length));
  let periodColumns: { header: string; col: number }[] = [];
  for (let c = 0; c < width; c++) {
    const lowest = headerTexts.map((t) => t[c] ?? '').filter((t) => t).pop();
    if (lowest && !taken.has(c) && isPeriodHeader(lowest)) periodColumns.push({ header: lowest, col: c });
  }
  if (periodColumns.length >= 2 && periodColumns.some((p) => p.col === columns.actual)) {
    delete columns.actual;
    delete headers.actual;
  } else {
    periodColumns = [];
  }
  return deepFreeze({
    headerRow: 0,
    headerRows,
    columns,
    headers,
    units,
    yearColumns: head.years.filter((y) => !Object.values(head.columns).includes(y.col)),
    periodColumns,
  });
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const META_INDEX = new Map<string, MetaKey>(
  (Object.entries(META_LABELS) as [MetaKey, string[]][]).flatMap(([key, labels]) => labels.map((l) => [normaliseKey(l), key] as const)),
);

/** The label a text is, a bracketed note dropped: "填报单位（盖章）" and "填报单位：" are 填报单位. */
function labelKey(label: string): MetaKey | undefined {
  return META_INDEX.get(normaliseKey(label).replace(/\([^()]*\)/g, '').replace(/[:：]$/, ''));
}

const escapeRegExp = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A label followed by a colon, at the start of a text or after a space: one cell may hold several
 * ("填报单位：合作市科技局 报告期：2022年三季度 填报日期：…"). "负责人" inside "单位负责人" is no label.
 */
const LABEL_IN_TEXT = new RegExp(
  '(?:^|[\\s,，;；(])('
  + Object.values(META_LABELS).flat().sort((a, b) => b.length - a.length).map((l) => escapeRegExp(l).replace(/ /g, '\\s*')).join('|')
  + ')\\s*(?:[(（][^()（）]{0,8}[)）])?\\s*[:：]',
  'gi',
);

interface LabelledPart {
  key: MetaKey;
  label: string;
  /** '' when the value is in the next cell. */
  value: string;
}

interface MetaText {
  labels: LabelledPart[];
  /** The text starts with a label. */
  leading: boolean;
  /** Text outside any label's value, where a period may stand alone ("2022年第三季度"). */
  free: string[];
}

/** Every text cell of the header block and under the table is looked at: the answer is remembered per text. */
const metaText = memoText(metaTextOf);

function metaTextOf(text: string): MetaText {
  const folded = foldWidth(text).trim();
  const bare = labelKey(folded);
  if (bare) return { labels: [{ key: bare, label: folded, value: '' }], leading: true, free: [] };
  const hits = [...folded.matchAll(LABEL_IN_TEXT)].filter((m) => labelKey(m[1]));
  if (!hits.length) return { labels: [], leading: false, free: [folded] };
  const free: string[] = [];
  const before = folded.slice(0, hits[0].index).replace(/\($/, '').trim();
  if (before) free.push(before);
  const labels = hits.map((m, i): LabelledPart => {
    const key = labelKey(m[1])!;
    const end = i + 1 < hits.length ? hits[i + 1].index : folded.length;
    // "（单位：万元）": the bracket closing round the label and its value is not part of the value.
    let value = folded.slice(m.index + m[0].length, end).trim().replace(/^([^(]*)\)$/, '$1').trim();
    // "填报单位：合作市科技局　　2022年第三季度": a period after the value, with no label of its own.
    const tail = key !== 'period' ? /^(.*\S)\s+(\S+)$/.exec(value) : null;
    if (tail && loosePeriod(tail[2])) {
      value = tail[1];
      free.push(tail[2]);
    }
    return { key, label: m[1], value };
  });
  return { labels, leading: !before, free };
}

/**
 * A period standing alone in the header block: "2022年第三季度", "（2022年1-9月）", "截至2022年9月底".
 * A bare day ("2022年10月9日") is as likely the date the sheet was filled in, and is not taken.
 */
const loosePeriod = memoText(loosePeriodText);

function loosePeriodText(text: string): boolean {
  const t = normaliseKey(text).replace(/^\((.*)\)$/, '$1');
  if (!/^(截至|截止)/.test(t) && /(日|号)$|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(t)) return false;
  return /\d{4}|[〇零一二三四五六七八九]{4}/.test(t) && parsePeriod(t) !== null;
}

/** "单位：万亩" is a unit of measure; "单位：合作市科技局" names the reporting unit. */
function setMeta(meta: ReadSheet['meta'], part: LabelledPart, entry: MetaEntry): void {
  let key = part.key;
  if (key === 'measure' && !parseUnit(normaliseUnit(entry.text))) {
    if (normaliseKey(part.label).replace(/\([^()]*\)/g, '').replace(/[:：]$/, '') !== '单位') return;
    key = 'unit';
  }
  if (!meta[key]) meta[key] = entry;
}

/** What a row of the header block holds besides its labels: a period standing alone, a title's text. */
interface AboveTable {
  loose: (entry: MetaEntry) => void;
  /** The row's texts that are neither labels nor their values. */
  free: string[];
}

/**
 * Metadata from a row: "填报单位：市科技局" in one cell, or "填报单位" then the value in the next
 * non-empty cell, or in the cell under it (a row of labels over a row of values); several labels may
 * share one row or one cell (填表人：… 联系电话：…). True when the row holds a label.
 */
function readMetaRow(grid: SheetGrid, row: number, meta: ReadSheet['meta'], above?: AboveTable): boolean {
  const r = grid.rows[row] ?? [];
  let found = false;
  let valueCell = -1;
  for (let c = 0; c < r.length; c++) {
    // Labels are text; most cells of a table are figures, skipped without building their text.
    if (typeof r[c]?.value !== 'string' || c === valueCell) continue;
    const text = cellText(r[c]);
    if (!text) continue;
    const parts = metaText(text);
    if (above) {
      for (const f of parts.free) {
        if (loosePeriod(f)) above.loose({ value: f, text: f, address: cellAddress(row, c) });
        above.free.push(f);
      }
    }
    for (const part of parts.labels) {
      found = true;
      if (part.value) {
        setMeta(meta, part, { value: part.value, text: part.value, address: cellAddress(row, c) });
        continue;
      }
      let d = c + 1;
      while (d < r.length && !cellText(r[d])) d++;
      if (d < r.length && isMetaValue(r[d], part.key)) {
        setMeta(meta, part, metaEntry(r[d], row, d));
        valueCell = d;
      } else if (isMetaValue(getCell(grid, row + 1, c), part.key)) {
        setMeta(meta, part, metaEntry(getCell(grid, row + 1, c), row + 1, c));
      }
    }
  }
  return found;
}

/** A cell that can be a label's value: not another label, nor a column name, nor a period standing alone. */
function isMetaValue(cell: Cell | undefined, key: MetaKey): boolean {
  const t = cellText(cell);
  if (!t) return false;
  if (typeof cell?.value !== 'string') return true;
  return !metaText(t).labels.length && !classifyHeader(t) && (key === 'period' || key === 'reportDate' || !loosePeriod(t));
}

function metaEntry(cell: Cell | undefined, row: number, col: number): MetaEntry {
  const text = cellText(cell);
  const value = cell && (cell.value instanceof Date || typeof cell.value === 'number') ? (cell.value as number | Date) : text;
  return { value, text, address: cellAddress(row, col) };
}

/** True when a text starts with a label of the header block (a signature row under the table). */
function startsWithLabel(text: string): boolean {
  return metaText(text).leading;
}

/**
 * The cell that names the row's indicator. A header "指标" merged over two columns puts the category
 * under its first column and the names in the next one, which has no header of its own: when the
 * header's column does not name a known indicator and the unnamed column right of it does, that one.
 */
function indicatorColumn(table: TableLayout, view: RowView, options: ReadOptions): number | undefined {
  const c = table.columns.indicator;
  if (c === undefined || !options.isIndicator) return c;
  if (view.text(c) && options.isIndicator(view.text(c))) return c;
  const used = new Set<number>([...Object.values(table.columns), ...table.yearColumns.map((y) => y.col)]);
  for (let d = c + 1; d <= c + 2 && !used.has(d); d++) {
    if (view.text(d) && options.isIndicator(view.text(d))) return d;
  }
  return c;
}

/** Notes under the table, and an appendix after it (附：重点任务进展, 附表2). */
const NOTE_ROW = /^(注|说明|备注|填表说明|数据来源|附注|附|附表|附件)\s*[:：0-9一二三.、]/;
/** NOTE_ROW's first words, which width folding leaves as they are: most rows fail this at once. */
const NOTE_START = /^(注|说明|备注|填表说明|数据来源|附)/;

/** The number of a section (一、 (一) Ⅰ): indicators are numbered 1, 2, 3, sections in words. */
const SECTION_NUMBER = /^(?:[一二三四五六七八九十]+[、.．]?|[(（][一二三四五六七八九十]+[)）]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[、.．]?)$/;
const SECTION_PREFIX = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[、.．])\s*/;

export interface ReadOptions {
  /** Tells a section title from an indicator row that has no values yet. */
  isIndicator?: (name: string) => boolean;
  /**
   * The year the plan's targets are for: a target column headed by another year ("2022年目标任务")
   * holds that year's own target, not the plan's, and is not read as the target.
   */
  targetYear?: number;
}

const DATA_COLUMNS: readonly ColumnKey[] = ['unit', 'baseline', 'target', 'actual', 'previous'];
/** Shared by the rows of a table without year or period columns (never modified). */
const NO_YEARS: SheetRow['years'] = [];
const NO_PERIODS: SheetRow['periods'] = [];

/** A table's columns in reading order, with whether each holds figures (layouts are shared by many sheets). */
const tableColumns = new WeakMap<object, { key: ColumnKey; col: number; data: boolean }[]>();

function columnsOf(columns: TableLayout['columns']): { key: ColumnKey; col: number; data: boolean }[] {
  let list = tableColumns.get(columns);
  if (!list) {
    list = (Object.entries(columns) as [ColumnKey, number][]).map(([key, c]) => ({ key, col: c, data: DATA_COLUMNS.includes(key) }));
    tableColumns.set(columns, list);
  }
  return list;
}

export function readSheet(grid: SheetGrid, options: ReadOptions = {}): ReadSheet {
  const meta: ReadSheet['meta'] = {};
  const tables: TableLayout[] = [];
  const rows: SheetRow[] = [];
  let title = '';
  let current: TableLayout | null = null;
  let category = '';
  // A period standing alone above the table, used when no label gives one.
  let loose: MetaEntry | undefined;
  const keepLoose = (e: MetaEntry) => { loose ??= e; };
  const above: AboveTable = { loose: keepLoose, free: [] };
  // Under notes (注：…) or signatures (填表人：…), a row without a figure continues them.
  let afterNotes = false;

  // The keys of the current table's columns, taken once per table rather than once per row.
  let columnKeys: { key: ColumnKey; col: number; data: boolean }[] = [];

  const view = new RowView();
  for (let r = 0; r < grid.rows.length; r++) {
    view.at(grid, r);
    let first = 0;
    while (first < view.length && !view.filled(first)) first++;
    if (first === view.length) continue;
    const firstText = view.text(first);

    // Most rows are data rows, which name no indicator column: they are not classified in full; and
    // a row whose name column names a known indicator is one (a header holds column names there).
    const nameCol = current ? indicatorColumn(current, view, options) : undefined;
    const knownName = nameCol !== undefined && !!options.isIndicator && view.text(nameCol) !== '' && options.isIndicator(view.text(nameCol));
    let header: TableLayout | null = null;
    if (!knownName && namesIndicatorColumn(view)) header = readHeader(grid, r, view.all(), options.targetYear);
    if (header) {
      current = header;
      columnKeys = columnsOf(current.columns);
      tables.push(current);
      category = '';
      afterNotes = false;
      r += current.headerRows - 1;
      continue;
    }

    if (!current) {
      above.free = [];
      const labelled = readMetaRow(grid, r, meta, above);
      // The title: the first row that is not all labels ("…监测表" with "单位：万元" at its right).
      if (!title) title = labelled ? above.free.join(' ') : view.all().filter((t) => t).join(' ');
      continue;
    }

    // Inside or under a table.
    if (NOTE_START.test(firstText) && NOTE_ROW.test(foldWidth(firstText))) {
      afterNotes = true;
      continue;
    }
    const col = current.columns;
    const code = col.code !== undefined ? view.text(col.code) : '';
    const name = nameCol !== undefined ? view.text(nameCol) : '';
    // A signature row starts with a label; a data row with its number, code or name (its remark may hold a label).
    if ((startsWithLabel(firstText) || (!code && !name)) && readMetaRow(grid, r, meta)) {
      afterNotes = true;
      continue;
    }
    if (col.category !== undefined && view.text(col.category)) category = view.text(col.category).replace(SECTION_PREFIX, '');

    const cells: SheetRow['cells'] = {};
    let hasData = false;
    for (const { key, col: at, data } of columnKeys) {
      const c = key === 'indicator' ? nameCol : at;
      if (c === undefined) continue;
      cells[key] = refAt(view, c);
      if (data && !hasData && view.filled(c)) hasData = true;
    }
    const years = current.yearColumns.length ? current.yearColumns.map((y) => ({ year: y.year, ref: refAt(view, y.col) })) : NO_YEARS;
    const periods = current.periodColumns.length ? current.periodColumns.map((p) => ({ header: p.header, ref: refAt(view, p.col) })) : NO_PERIODS;
    if (!hasData) hasData = years.some((y) => view.filled(y.ref.col)) || periods.some((p) => view.filled(p.ref.col));
    // Under notes the table has ended: only an indicator row with figures is still read there.
    if (afterNotes && !(hasData && (code || (options.isIndicator?.(name) ?? false)))) continue;
    // A section title (一、科技创新投入; 一 | 科技创新投入; (一) | 创新平台) with nothing else is kept as the
    // category — unless it names a known indicator, whose row then simply lacks its values.
    const sectionCode = code !== '' && SECTION_NUMBER.test(foldWidth(code));
    if (!hasData && (!code || sectionCode) && !(options.isIndicator?.(name) ?? false)) {
      const others = view.all().filter((t, c) => t && c !== nameCol && c !== col.category);
      if (name && others.every((t) => SECTION_NUMBER.test(foldWidth(t)))) {
        category = name.replace(SECTION_PREFIX, '');
        continue;
      }
      if (!name && others.length === 1 && SECTION_PREFIX.test(others[0])) {
        category = others[0].replace(SECTION_PREFIX, '');
        continue;
      }
      // "（单位盖章）" under the table names nothing.
      if (BRACKET_NOTE.test(name)) continue;
    }
    if (!code && !name) continue;
    rows.push({ row: r, table: tables.length - 1, code, name, category, cells, years, periods });
  }

  if (!meta.period && loose) meta.period = loose;
  return { sheet: grid.name, recognised: tables.length > 0, meta, title, tables, rows };
}
