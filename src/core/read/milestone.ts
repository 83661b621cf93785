/**
 * Milestone indicators (docs/specification.md §5): a task is done (1), in progress (0.5) or not started (0),
 * read from what the unit wrote. Negations are checked first, so 未完成 is 0 and not 1, then
 * partial progress, so 部分完成 is 0.5; text that says none of these clearly is null.
 */
import { collapseSpaces, foldWidth } from "./text";

export type MilestoneScore = 0 | 0.5 | 1;

/**
 * Each list holds words that may stand alone (after trimming and dropping a final full stop).
 * The words marked `lead` are explicit enough to also start a longer remark ("已完成相关政策制定"),
 * provided the remark gives no figure that could say otherwise ("已完成80%").
 */
interface Vocabulary {
  score: MilestoneScore;
  words: readonly string[];
  lead: readonly string[];
}

const NOT_STARTED: Vocabulary = {
  score: 0,
  words: ["否", "没有", "无进展", "no", "not started", "not done", "none", "×", "✗", "✘"],
  lead: [
    "未启动",
    "未完成",
    "未开始",
    "未落实",
    "未建成",
    "未实施",
    "尚未",
    "暂未",
    "还未",
    "没有启动",
    "没有完成",
  ],
};

const IN_PROGRESS: Vocabulary = {
  score: 0.5,
  words: ["在建", "in progress", "ongoing", "partly done", "partially done", "partial"],
  lead: [
    "推进中",
    "进行中",
    "部分完成",
    "正在推进",
    "正在进行",
    "正在实施",
    "正在建设",
    "实施中",
    "建设中",
    "已启动",
  ],
};

const DONE: Vocabulary = {
  score: 1,
  words: ["完成", "落实", "是", "建成", "done", "yes", "completed", "complete", "✓", "✔", "√", "☑"],
  lead: ["已完成", "已落实", "已建成", "已实现", "全部完成", "已全部完成", "已全部落实"],
};

/** Order matters: a negation or partial word must win over the "done" word inside it. */
const VOCABULARIES: readonly Vocabulary[] = [NOT_STARTED, IN_PROGRESS, DONE];

/** Separators after which the rest of a cell is a remark: "已完成，详见附件". */
const REMARK_SEPARATOR = /^[\s,，。.;；:：、(（[【!！]/;

function matches(text: string, vocabulary: Vocabulary): boolean {
  for (const word of [...vocabulary.words, ...vocabulary.lead]) {
    if (text === word) return true;
    if (text.startsWith(word) && REMARK_SEPARATOR.test(text.slice(word.length))) return true;
  }
  // a remark that starts with an explicit word, unless it carries a figure
  if (/[0-9%]/.test(text)) return false;
  return vocabulary.lead.some((word) => text.startsWith(word));
}

/** 1 done, 0.5 in progress, 0 not started, null when the text does not say clearly. */
export function parseMilestone(text: string): MilestoneScore | null {
  if (typeof text !== "string") return null;
  const s = collapseSpaces(foldWidth(text))
    .toLowerCase()
    .replace(/[。.!！]+$/, "");
  if (s === "") return null;
  // the score itself, typed as text
  if (s === "1" || s === "0" || s === "0.5") return Number(s) as MilestoneScore;
  for (const vocabulary of VOCABULARIES) {
    if (matches(s, vocabulary)) return vocabulary.score;
  }
  return null;
}
