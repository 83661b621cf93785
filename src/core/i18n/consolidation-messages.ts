/**
 * Texts of consolidation that the rule messages do not cover: a bureau's figure that disagrees with
 * the townships' own total or mean, and how a group of units is named. Chinese first, English second.
 */
import type { Message } from "./messages";

/** "那吾镇、勒秀镇" for a few units, "那吾镇等 9 个单位" for many. */
export function unitsPhrase(units: string[]): { zh: string; en: string } {
  if (units.length <= 3) return { zh: units.join("、"), en: units.join(", ") };
  return {
    zh: `${units[0]}等 ${units.length} 个单位`,
    en: `${units[0]} and ${units.length - 1} other units`,
  };
}

export function conflictWithUnits(a: {
  ind: string;
  reporter: string;
  found: string | number;
  units: string[];
  kind: "sum" | "weighted_mean";
  expected: number;
}): Message {
  const who = unitsPhrase(a.units);
  const zhWhat = a.kind === "sum" ? "合计" : "加权平均";
  const enWhat = a.kind === "sum" ? "total" : "weighted mean";
  return {
    zh: `指标 ${a.ind}：${a.reporter} 报 ${a.found}，与${who.zh}的${zhWhat} ${a.expected} 不一致。汇总采用${zhWhat}，请核实。`,
    en: `Indicator ${a.ind}: ${a.reporter} reports ${a.found}, unlike the ${enWhat} ${a.expected} of ${who.en}. The consolidation uses the ${enWhat}; check it.`,
  };
}

/** Two units other than the owner disagree, and the owner gave no figure. */
export function conflictWithoutOwner(a: {
  ind: string;
  reporter: string;
  found: string | number;
  used: string;
  expected: number;
  owner: string;
}): Message {
  return {
    zh: `指标 ${a.ind}：${a.reporter} 报 ${a.found}，与 ${a.used} 报的 ${a.expected} 不一致；责任单位${a.owner}未报此指标，汇总暂采用后者，请核实。`,
    en: `Indicator ${a.ind}: ${a.reporter} reports ${a.found}, unlike ${a.expected} from ${a.used}; the owner ${a.owner} gave no figure, so the consolidation uses the latter for now. Check it.`,
  };
}
