/**
 * Short texts of a consolidation (docs/consolidation.md): the 汇总 sheet's title, subtitle and source
 * column, and the phrases naming units and their figures inside cells and messages.
 */
import { unitsPhrase } from "./consolidation-messages";
import { SHEET_NAME } from "./sheet-names";

export const CONSOLIDATION_TITLE = `${SHEET_NAME.consolidation} / Consolidated figures`;

/** The 汇总 sheet's column naming the units a figure comes from. */
export const SOURCE_UNITS_HEADER = "数据来源单位";

export function consolidationSubtitle(a: {
  period: string | null;
  asOf: string | null;
  reportedUnits: number;
  version: string;
}): string {
  return `报告期：${a.period ?? "—"}　截至：${a.asOf ?? "—"}　报送单位 ${a.reportedUnits} 个　指标目录版本：${a.version}`;
}

/** Names in a list: "那吾镇、勒秀镇". */
export function listText(names: string[]): string {
  return names.join("、");
}

/** The units of a figure: by name when few, else how many (townships and streets, or units). */
export function sourceUnitsText(units: string[], townshipsOnly: boolean): string {
  if (units.length <= 2) return listText(units);
  return townshipsOnly ? `${units.length} 个乡镇（街道）` : `${units.length} 个单位`;
}

/** An invalid city figure's text: who has to correct it. */
export function toBeCheckedText(units: string[]): string {
  return `待核实：${unitsPhrase(units).zh}`;
}

/** The units' own figure as a reporter in messages: "那吾镇、勒秀镇合计". */
export function derivedFigureName(units: string[], kind: "sum" | "weighted_mean"): string {
  return `${unitsPhrase(units).zh}${kind === "sum" ? "合计" : "加权平均"}`;
}

/** "那吾镇（那吾镇.xlsx 监测表!G7）": a unit and the place of its value. */
export function unitAtPlace(unit: string, place: string): string {
  return `${unit}（${place}）`;
}

/** The 填报情况 row of a sheet that names no unit. */
export function unnamedUnit(source: string): string {
  return `（未填写单位）${source}`;
}
