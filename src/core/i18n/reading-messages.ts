/**
 * Messages of the reader's findings (docs/reading-forms.md): a column chosen with less than
 * certainty, a total row that is not the units' sum, and a sheet in which no table was found —
 * each says what was chosen or looked for, where, and why, in Chinese and in English.
 */
import type { Message } from "./messages";
import type { ChoiceReason, NotFound } from "../read/layout";
import { columnLetters } from "../model/cells";

/** A header cell as a message shows it: F4“1-9月累计”. */
export interface CellText {
  address: string;
  text: string;
}

export interface ChoiceArgs {
  key: "indicator" | "actual";
  reason: ChoiceReason;
  chosen: CellText;
  others: CellText[];
  /** For 'names': how many cells of the column name indicators. */
  count?: number;
}

const shown = (c: CellText) => `${c.address}“${c.text}”`;
const list = (cs: CellText[], sep: string) => cs.map(shown).join(sep);

const WHY: Record<Exclude<ChoiceReason, "names" | "figures" | "ratio">, Message> = {
  to_date: { zh: "累计数优先于当期数", en: "a figure to date is preferred to one period’s" },
  checked: {
    zh: "核定（核实）数优先于单位自报数",
    en: "the checked figure is preferred to the unit’s own",
  },
  listed: { zh: "其表头是模板中的列名", en: "its header is one of the template’s names" },
  first: {
    zh: "表头无法区分，取左起第一列",
    en: "the headers do not tell them apart, so the first is taken",
  },
};

/** column_guessed: which column was taken, from which header cell, and why. */
export function columnGuessed(a: ChoiceArgs): Message {
  const found = shown(a.chosen);
  if (a.reason === "names") {
    return {
      zh: `指标名称列按内容认定为 ${found}所在列：该列有 ${a.count ?? 0} 个单元格是指标目录中的指标，但表头未注明是指标列。请核对；如不对，请把表头改为“指标名称”。`,
      en: `The indicator column is taken to be the column of ${found} by its contents: ${a.count ?? 0} of its cells name catalogue indicators, though its header does not say so. Check it; if wrong, head the column 指标名称.`,
    };
  }
  if (a.reason === "figures") {
    const also = a.others.length
      ? {
          zh: `；另有 ${list(a.others, "、")} 也是数值列`,
          en: `; ${list(a.others, ", ")} also hold figures`,
        }
      : { zh: "", en: "" };
    return {
      zh: `没有表头注明“完成值”，按内容取 ${found}所在列为本期完成值${also.zh}。请核对；如不对，请把完成值列的表头改为“本期完成值”。`,
      en: `No header says which column is the actual; the column of ${found} is taken by its contents${also.en}. Check it; if wrong, head the actual column 本期完成值.`,
    };
  }
  if (a.reason === "ratio") {
    return {
      zh: `本期完成值取自 ${found}所在列；${list(a.others, "、")}的数值是完成值与目标值之比（完成率），不作为完成值。请核对。`,
      en: `The actual is read from the column of ${found}; ${list(a.others, ", ")} holds the actual divided by the target (a completion rate) and is not read as the actual. Check it.`,
    };
  }
  const why = WHY[a.reason];
  return {
    zh: `本表有多列可能是本期完成值：取 ${found}所在列（${why.zh}），未取 ${list(a.others, "、")}。请核对；如应取其他列，请修改表头。`,
    en: `Several columns could be the actual: the column of ${found} is taken (${why.en}), not ${list(a.others, ", ")}. Check it; if another is meant, correct the headers.`,
  };
}

export interface TotalArgs {
  ind: string;
  found: number | string;
  expected: number;
  kind: "sum" | "weighted_mean";
  units: number;
}

/** total_mismatch: the total row against the units' rows. */
export function totalMismatch(a: TotalArgs): Message {
  const what =
    a.kind === "sum" ? { zh: "之和", en: "sum" } : { zh: "加权平均值", en: "weighted mean" };
  return {
    zh: `指标 ${a.ind} 的合计行为 ${a.found}，与 ${a.units} 个单位的${what.zh} ${a.expected} 不一致。汇总按各单位的数值计算；请核对合计行或各单位的数值。`,
    en: `Indicator ${a.ind}: the total row gives ${a.found}, not the ${what.en} ${a.expected} of the ${a.units} units' rows. Consolidation uses the units' rows; check the total or the units' figures.`,
  };
}

const HEADERS_WANTED = {
  zh: "“指标名称”和“本期完成值”等表头",
  en: "headers such as 指标名称 and 本期完成值",
};

/** sheet_not_recognised: what was looked for, and what was found instead. */
export function notRecognised(nf: NotFound | undefined): Message {
  const header = nf?.header && {
    zh: `第${nf.header.row + 1}行像表头（${nf.header.texts.filter((t) => t).join("、")}）`,
    en: `row ${nf.header.row + 1} looks like a header (${nf.header.texts.filter((t) => t).join(", ")})`,
  };
  const names = nf?.names && {
    zh: `${columnLetters(nf.names.col)}列有 ${nf.names.count} 个单元格是指标目录中的指标（如 ${nf.names.first.address}“${nf.names.first.text}”）`,
    en: `${nf.names.count} cells of column ${columnLetters(nf.names.col)} name catalogue indicators (such as ${nf.names.first.address} “${nf.names.first.text}”)`,
  };
  if (names && nf?.missing === "figures") {
    return {
      zh: `未找到监测表：${names.zh}，${header?.zh ?? "上方有表头"}，但没有可作为本期完成值的数值列。请增加“本期完成值”列或改正表头。`,
      en: `No monitoring table found: ${names.en} and ${header?.en ?? "a header stands above them"}, but no column of figures can be the actual. Add a 本期完成值 column or correct the headers.`,
    };
  }
  if (names) {
    return {
      zh: `未找到监测表：${names.zh}，但其上方没有表头行，无法确定各列的含义。请在数据上方加表头（如“指标名称 | 目标值 | 本期完成值”）。`,
      en: `No monitoring table found: ${names.en}, but no header row stands above them, so the columns cannot be told apart. Add a header row (such as 指标名称 | 目标值 | 本期完成值).`,
    };
  }
  return {
    zh: `未找到监测表：${header ? `${header.zh}，但` : ""}没有一列的内容是指标目录中的指标名称或编码，也没有${HEADERS_WANTED.zh}同时在一行。请按模板填写表头，或在指标列填写目录中的指标名称。`,
    en: `No monitoring table found: ${header ? `${header.en}, but ` : ""}no column holds names or codes of catalogue indicators, and no row has ${HEADERS_WANTED.en} together. Use the template headers, or write catalogue names in the indicator column.`,
  };
}
