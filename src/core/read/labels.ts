/**
 * The labels of a form's header block and footer (docs/reading-forms.md): 填报单位（盖章）：…,
 * 报告期 / 考核期间 / 所属期：…, 填表人, 报出日期, and the lines that identify the form itself
 * (表号, 制表机关, 批准文号, 有效期至), which name the office that designed the form and its
 * validity — never the reporting unit or the period.
 */
import { type Cell, type SheetGrid, cellAddress, cellText, getCell } from "../model/cells";
import { normaliseKey, foldWidth } from "./text";
import { normaliseUnit, parseUnit } from "./units";
import { parsePeriod } from "./period";
import { classifyHeader } from "./columns";
import { memoText } from "../util/memo";

/** `measure` is a unit of measure for the whole table ("单位：万亩" above it). */
export type MetaKey =
  "unit" | "period" | "preparer" | "reviewer" | "phone" | "reportDate" | "measure";

/** The labels a unit's template writes in its header block (core/template), read back here. */
export const TEMPLATE_LABEL = {
  unit: "填报单位",
  period: "报告期",
  preparer: "填表人",
  phone: "联系电话",
  reportDate: "报出日期",
} as const satisfies Partial<Record<MetaKey, string>>;

/** Labels of the header block, matched after normaliseKey with bracketed notes such as （盖章） removed. */
export const META_LABELS: Record<MetaKey, string[]> = {
  unit: [
    TEMPLATE_LABEL.unit,
    "报送单位",
    "单位名称",
    "填报单位名称",
    "报送单位名称",
    "填报部门",
    "编制单位",
    "制表单位",
    "Reporting unit",
    "Unit name",
    "综合机关名称",
    "填报机关",
    "报送机关",
    "填表单位",
    "上报单位",
    "申报单位",
    "实施单位",
    "项目实施单位",
    "项目单位",
    "被考核单位",
    "被评价单位",
    "考核对象",
    "评价对象",
    "被督查单位",
  ],
  period: [
    TEMPLATE_LABEL.period,
    "统计期",
    "填报期间",
    "期别",
    "报告期间",
    "统计期间",
    "统计时段",
    "所属期",
    "统计时间",
    "报告时间",
    "截止日期",
    "统计截止日期",
    "数据截止日期",
    "截止时间",
    "数据截止时间",
    "Period",
    "Reporting period",
    "考核期间",
    "评价期间",
    "考核期",
    "评价期",
    "考核时段",
    "考核年度",
    "评价年度",
    "统计年度",
    "报告年度",
    "所属期间",
    "所属时期",
    "监测期间",
    "数据期间",
    "统计月份",
    "报告月份",
    "期间",
    "年度",
    "报告期别",
    "统计期别",
  ],
  preparer: [
    TEMPLATE_LABEL.preparer,
    "填报人",
    "统计人",
    "制表人",
    "统计员",
    "Prepared by",
    "经办人",
  ],
  reviewer: [
    "审核人",
    "负责人",
    "单位负责人",
    "统计负责人",
    "分管领导",
    "主要负责人",
    "Reviewed by",
    "Reviewer",
    "复核人",
    "主管领导",
  ],
  phone: [TEMPLATE_LABEL.phone, "电话", "联系方式", "Tel", "Phone"],
  reportDate: [
    TEMPLATE_LABEL.reportDate,
    "填报日期",
    "报送日期",
    "填表日期",
    "填报时间",
    "报送时间",
    "上报日期",
    "上报时间",
    "报出时间",
  ],
  // "单位：万亩" is a unit of measure; "单位：合作市科技局" a reporting unit (told apart by the value).
  measure: ["单位", "计量单位", "金额单位", "面积单位", "数量单位"],
};

/**
 * Lines that identify the form, not the report: 制表机关 is the office that designed it, 表号 and
 * 文号 its numbers, 有效期至 how long it may be used. They are labels (the row is no title), and
 * their values are never taken as the unit or the period.
 */
const FORM_LABELS = [
  "表号",
  "制表机关",
  "批准机关",
  "批准文号",
  "文号",
  "有效期至",
  "有效期",
  "备案机关",
  "备案文号",
  "统一社会信用代码",
  "组织机构代码",
];

type LabelKey = MetaKey | "form";

export interface MetaEntry {
  /** The value: text or, for a date cell, the cell value. */
  value: string | number | Date;
  text: string;
  address: string;
}

export type Meta = Partial<Record<MetaKey, MetaEntry>>;

const META_INDEX = new Map<string, LabelKey>([
  ...(Object.entries(META_LABELS) as [MetaKey, string[]][]).flatMap(([key, labels]) =>
    labels.map((l) => [normaliseKey(l), key] as const)
  ),
  ...FORM_LABELS.map((l) => [normaliseKey(l), "form"] as const),
]);

/** A label of a period none of the listed names gives: 考核时期, 评价时段, 所属月份 (not 有效期). */
const PERIOD_LABEL = /^[\u4e00-\u9fff]{0,6}(期间|时段|时期|年度|月份)$/;

/** The label a text is, a bracketed note dropped: "填报单位（盖章）" and "填报单位：" are 填报单位. */
function labelKey(label: string): LabelKey | undefined {
  const k = normaliseKey(label)
    .replace(/\([^()]*\)/g, "")
    .replace(/[:：]$/, "");
  return META_INDEX.get(k) ?? (PERIOD_LABEL.test(k) && !/有效/.test(k) ? "period" : undefined);
}

const escapeRegExp = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A label followed by a colon, at the start of a text or after a space: one cell may hold several
 * ("填报单位：合作市科技局 报告期：2022年三季度 填报日期：…"). "负责人" inside "单位负责人" is no label.
 */
const LABEL_IN_TEXT = new RegExp(
  "(?:^|[\\s,，;；(])(" +
    [...Object.values(META_LABELS).flat(), ...FORM_LABELS]
      .sort((a, b) => b.length - a.length)
      .map((l) => escapeRegExp(l).replace(/ /g, "\\s*"))
      .join("|") +
    "|[\\u4e00-\\u9fff]{0,6}(?:期间|时段|时期|年度|月份)" +
    ")\\s*(?:[(（][^()（）]{0,8}[)）])?\\s*[:：]",
  "gi"
);

interface LabelledPart {
  key: LabelKey;
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
  if (bare) return { labels: [{ key: bare, label: folded, value: "" }], leading: true, free: [] };
  const hits = [...folded.matchAll(LABEL_IN_TEXT)].filter((m) => labelKey(m[1]));
  if (!hits.length) return { labels: [], leading: false, free: [folded] };
  const free: string[] = [];
  const before = folded.slice(0, hits[0].index).replace(/\($/, "").trim();
  if (before) free.push(before);
  const labels = hits.map((m, i): LabelledPart => {
    const key = labelKey(m[1])!;
    const end = i + 1 < hits.length ? hits[i + 1].index : folded.length;
    // "（单位：万元）": the bracket closing round the label and its value is not part of the value.
    let value = folded
      .slice(m.index + m[0].length, end)
      .trim()
      .replace(/^([^(]*)\)$/, "$1")
      .trim();
    // "填报单位：合作市科技局　　2022年第三季度": a period after the value, with no label of its own.
    const tail = key !== "period" && key !== "form" ? /^(.*\S)\s+(\S+)$/.exec(value) : null;
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
export const loosePeriod = memoText(loosePeriodText);

function loosePeriodText(text: string): boolean {
  const t = normaliseKey(text).replace(/^\((.*)\)$/, "$1");
  if (!/^(截至|截止)/.test(t) && /(日|号)$|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(t)) return false;
  return /\d{4}|[〇零一二三四五六七八九]{4}/.test(t) && parsePeriod(t) !== null;
}

/** "单位：万亩" is a unit of measure; "单位：合作市科技局" names the reporting unit. */
function setMeta(meta: Meta, part: LabelledPart, entry: MetaEntry): void {
  if (part.key === "form") return;
  let key: MetaKey = part.key;
  if (key === "measure" && !parseUnit(normaliseUnit(entry.text))) {
    if (
      normaliseKey(part.label)
        .replace(/\([^()]*\)/g, "")
        .replace(/[:：]$/, "") !== "单位"
    )
      return;
    key = "unit";
  }
  if (!meta[key]) meta[key] = entry;
}

/** What a row of the header block holds besides its labels: a period standing alone, a title's text. */
export interface AboveTable {
  loose: (entry: MetaEntry) => void;
  /** The row's texts that are neither labels nor their values. */
  free: string[];
}

/**
 * Metadata from a row: "填报单位：市科技局" in one cell, or "填报单位" then the value in the next
 * non-empty cell, or in the cell under it (a row of labels over a row of values); several labels may
 * share one row or one cell (填表人：… 联系电话：…). True when the row holds a label.
 */
export function readMetaRow(grid: SheetGrid, row: number, meta: Meta, above?: AboveTable): boolean {
  const r = grid.rows[row] ?? [];
  let found = false;
  let valueCell = -1;
  for (let c = 0; c < r.length; c++) {
    // Labels are text; most cells of a table are figures, skipped without building their text.
    if (typeof r[c]?.value !== "string" || c === valueCell) continue;
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
      valueCell = labelValue(grid, row, c, part, meta) ?? valueCell;
    }
  }
  return found;
}

/** The value of a bare label, in the next non-empty cell of its row or in the cell under it; its column when beside it. */
function labelValue(
  grid: SheetGrid,
  row: number,
  c: number,
  part: LabelledPart,
  meta: Meta
): number | undefined {
  const r = grid.rows[row] ?? [];
  let d = c + 1;
  while (d < r.length && !cellText(r[d])) d++;
  if (d < r.length && isMetaValue(r[d], part.key)) {
    setMeta(meta, part, metaEntry(r[d], row, d));
    return d;
  }
  if (isMetaValue(getCell(grid, row + 1, c), part.key))
    setMeta(meta, part, metaEntry(getCell(grid, row + 1, c), row + 1, c));
  return undefined;
}

/** A cell that can be a label's value: not another label, nor a column name, nor a period standing alone. */
function isMetaValue(cell: Cell | undefined, key: LabelKey): boolean {
  const t = cellText(cell);
  if (!t) return false;
  if (typeof cell?.value !== "string") return true;
  return (
    !metaText(t).labels.length &&
    !classifyHeader(t) &&
    (key === "period" || key === "reportDate" || key === "form" || !loosePeriod(t))
  );
}

function metaEntry(cell: Cell | undefined, row: number, col: number): MetaEntry {
  const text = cellText(cell);
  const value =
    cell && (cell.value instanceof Date || typeof cell.value === "number")
      ? (cell.value as number | Date)
      : text;
  return { value, text, address: cellAddress(row, col) };
}

/** True when a text starts with a label of the header block (a signature row under the table). */
export function startsWithLabel(text: string): boolean {
  return metaText(text).leading;
}

/**
 * The period a note under the table names: "注：本表数据截至2022年9月30日", "统计期间为2022年1-9月".
 * Other periods a note mentions ("上年同期为2021年第三季度数") say nothing of the report's own.
 */
const NOTE_PERIOD =
  /(?:数据截至|数据截止|截至|截止到?|统计期间为|报告期为|统计期为|考核期间为|时段为)[:：]?\s*((?:20\d\d|[〇零一二三四五六七八九]{4})\s*年[^，,。；;）)\s]*)/;

export function notePeriod(text: string, address: string): MetaEntry | undefined {
  const folded = foldWidth(text);
  const m = NOTE_PERIOD.exec(folded);
  if (!m || /上年|去年|同期|上期/.test(folded.slice(0, m.index))) return undefined;
  const value = m[1].replace(/(的|之)?(数据|数字|情况)$/, "");
  return parsePeriod(value) ? { value, text: value, address } : undefined;
}

/** Notes under the table, and an appendix after it (附：重点任务进展, 附表2). */
export const NOTE_ROW = /^(注|说明|备注|填表说明|数据来源|附注|附|附表|附件)\s*[:：0-9一二三.、]/;
/** NOTE_ROW's first words, which width folding leaves as they are: most rows fail this at once. */
export const NOTE_START = /^(注|说明|备注|填表说明|数据来源|附)/;

/** True when a text opens a note under the table or an appendix. */
export function isNoteText(text: string): boolean {
  return NOTE_START.test(text) && NOTE_ROW.test(foldWidth(text));
}
