/**
 * Texts of approval: why an approval was refused, and what changed since one (for its finding).
 * Chinese first, English second.
 */
import type { Message } from "./messages";
import type { ValueChange } from "../model/approval";

export const APPROVAL_REFUSED = {
  noReviewer: (): Message => ({
    zh: "请先填写审核人姓名。",
    en: "Enter the reviewer's name first.",
  }),
  notRecognised: (sheet: string): Message => ({
    zh: `工作表“${sheet}”不是可识别的监测表，不能审核。`,
    en: `Sheet "${sheet}" is not a monitoring sheet the product can read, so it cannot be approved.`,
  }),
  /** `first` names the first error: its cell and message. */
  hasErrors: (sheet: string, errors: number, first: Message): Message => ({
    zh: `工作表“${sheet}”有 ${errors} 条错误，修正后才能审核。第一条：${first.zh}`,
    en: `Sheet "${sheet}" has ${errors} error${errors === 1 ? "" : "s"}; fix ${errors === 1 ? "it" : "them"} before approving. First: ${first.en}`,
  }),
};

/** How many changes a finding names; the rest are counted. */
const LISTED_CHANGES = 12;

const FIELD_NAME: Record<string, Message> = {
  actual: { zh: "本期值", en: "actual" },
  baseline: { zh: "基期值", en: "baseline" },
  target: { zh: "目标值", en: "target" },
  previous: { zh: "上期值", en: "previous" },
  remarks: { zh: "备注", en: "remarks" },
};

function fieldName(field: string): Message {
  if (field.startsWith("history:")) {
    const date = field.slice(8);
    return { zh: `${date} 的值`, en: `value at ${date}` };
  }
  return FIELD_NAME[field] ?? { zh: field, en: field };
}

/** A recorded value as a person reads it: 1.1%, 约400, 不适用, “正在核实”, (空). */
function shown(v: ValueChange["old"], measure: string | undefined): Message {
  if (v === undefined) return { zh: "（空）", en: "(empty)" };
  if (typeof v === "number") {
    const n = String(Number(v.toPrecision(12)));
    return measure === "%" ? { zh: `${n}%`, en: `${n}%` } : { zh: n, en: n };
  }
  if (v === "n/a") return { zh: "不适用", en: "n/a" };
  if (typeof v === "string") return { zh: `“${v}”`, en: `"${v}"` };
  if ("invalid" in v) return { zh: `“${v.invalid}”`, en: `"${v.invalid}"` };
  const n = shown(v.value, measure);
  return { zh: `约${n.zh}`, en: `about ${n.en}` };
}

function oneChange(c: ValueChange): Message {
  const who = c.unit ? { zh: `${c.unit} `, en: `${c.unit} ` } : { zh: "", en: "" };
  const at = c.cell ? { zh: `（${c.cell}）`, en: ` (${c.cell})` } : { zh: "", en: "" };
  // A measure other than % follows the new value: 3740 → 3860 亩.
  const measure = c.measure && c.measure !== "%" && c.measure !== "—" ? ` ${c.measure}` : "";
  const was = shown(c.old, c.measure);
  const now = shown(c.new, c.measure);
  if (c.field === "row_added")
    return {
      zh: `${who.zh}${c.label}：新增此行，本期值 ${now.zh}${measure}${at.zh}`,
      en: `${who.en}${c.label}: row added, actual ${now.en}${measure}${at.en}`,
    };
  if (c.field === "row_removed")
    return {
      zh: `${who.zh}${c.label}：此行已删除，原本期值 ${was.zh}${measure}`,
      en: `${who.en}${c.label}: row removed, actual was ${was.en}${measure}`,
    };
  const f = fieldName(c.field);
  const unitOf = c.field === "remarks" ? "" : measure;
  return {
    zh: `${who.zh}${c.label}：${f.zh} ${was.zh} → ${now.zh}${unitOf}${at.zh}`,
    en: `${who.en}${c.label}: ${f.en} ${was.en} → ${now.en}${unitOf}${at.en}`,
  };
}

/**
 * What changed since an approval, for its `changed_after_approval` finding: each changed value, old →
 * new and the cell it is in now; null changes when the approval (written before the log kept values)
 * cannot tell. No "。" inside: the bulletin quotes the finding up to its first full stop.
 */
export function changesSinceApproval(changes: ValueChange[] | null): Message {
  if (changes === null)
    return {
      zh: "该审核记录未保存审核时的数值(早于保存数值的版本)，无法列出改动",
      en: "the approval recorded no values (it predates the log keeping them), so the changes cannot be listed",
    };
  if (!changes.length)
    return {
      zh: "各指标数值未变，填报单位或报告期已改",
      en: "no indicator's value changed; the reporting unit or the period did",
    };
  const listed = changes.slice(0, LISTED_CHANGES).map(oneChange);
  const more = changes.length - listed.length;
  return {
    zh: listed.map((m) => m.zh).join("；") + (more ? `；另有 ${more} 处改动` : ""),
    en: listed.map((m) => m.en).join("; ") + (more ? `; ${more} more changes` : ""),
  };
}
