/**
 * The words of 审核记录 (docs/consolidation.md#approval), written there for a person and read back by
 * the product: the log's column headers with the word each column is found by, and the words of the
 * record of approved values (approval/values.ts). Changing one would make earlier logs unreadable.
 */
import type { ValueField } from "../model/approval";

/**
 * The log's columns, in order: the header written, and the word a header is recognised by (the
 * columns are found by it, so their order may change). 审核人 is not 审核时间: the reader takes the
 * first column whose word a header holds, in this order.
 */
export const APPROVAL_COLUMNS = {
  time: { header: "审核时间 / Time", word: "审核时间" },
  reviewer: { header: "审核人 / Reviewer", word: "审核人" },
  sheet: { header: "工作表 / Sheet", word: "工作表" },
  unit: { header: "填报单位 / Unit", word: "单位" },
  period: { header: "报告期 / Period", word: "报告期" },
  errors: { header: "错误数 / Errors", word: "错误" },
  warnings: { header: "提示数 / Warnings", word: "提示" },
  catalogueVersion: { header: "指标目录版本 / Catalogue version", word: "版本" },
  fingerprint: { header: "数据指纹 SHA-256 / Fingerprint", word: "指纹" },
  values: { header: "审核时数值 / Approved values", word: "数值" },
} as const;

/** Each value of an entry of the record starts with its field's word: `本期1.1 基期0.85 备注“…”`. */
export const RECORD_FIELD_WORD: Record<Exclude<ValueField, `history:${string}`>, string> = {
  actual: "本期",
  baseline: "基期",
  target: "目标",
  previous: "上期",
  remarks: "备注",
};

/** The record's other words: `历史(2022-06-30)7`, `约400`, `不适用`. */
export const RECORD_WORD = {
  /** An earlier observation, the date in brackets after the word. */
  history: "历史",
  /** Before a number read as approximate. */
  approx: "约",
  /** A value marked as not applying. */
  notApplicable: "不适用",
} as const;
