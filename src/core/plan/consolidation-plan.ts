/**
 * The sheets of a consolidation (docs/consolidation.md), drawn from its results: 汇总 (the city's
 * figures, scored and coloured like 差距分析), 填报情况 (who reported) and 校验结果.
 */
import type { UnitKind } from "../model/catalogue";
import type { WorkbookGrids } from "../model/cells";
import type { ConsolidationFigures } from "../model/consolidation";
import type { Finding } from "../model/results";
import type { PlanSheet, WritePlan } from "../model/plan";
import {
  CONSOLIDATION_TITLE,
  SOURCE_UNITS_HEADER,
  consolidationSubtitle,
  sourceUnitsText,
} from "../i18n/consolidation-labels";
import { CONSOLIDATION_FINDINGS_TITLE } from "../i18n/findings-labels";
import { SHEET_NAME } from "../i18n/sheet-names";
import { completenessSheet } from "./completeness-sheet";
import { annotationsFor, findingsSheet, FINDINGS_SHEET } from "./findings-sheet";
import { gapSheet } from "./gap-sheet";
import { placeProductSheets } from "./product-sheet";

export const CONSOLIDATION_SHEET = SHEET_NAME.consolidation;

export interface ConsolidationPlanOptions {
  /** The kind of a unit of the catalogue's list (undefined for a unit outside it). */
  unitKind: (unit: string) => UnitKind | undefined;
  /** The user's sheets whose cells are marked: only when consolidating a workbook's own tabs. */
  annotate?: Set<string>;
  /** The workbook the plan is written into, so that a user's sheet of the same name is kept. */
  target?: WorkbookGrids;
}

/** 汇总, 填报情况 and 校验结果, 汇总 shown first. */
export function consolidationPlan(
  figures: ConsolidationFigures,
  opts: ConsolidationPlanOptions
): WritePlan {
  const { findings, period, asOf, dueDate } = figures;
  const planned: WritePlan = {
    sheets: [
      summarySheet(figures, opts.unitKind),
      completenessSheet(figures.completeness, { period, asOf, dueDate }),
      findingsSheet(findings, CONSOLIDATION_FINDINGS_TITLE),
    ],
    // Cells can be marked only in the workbook the sheets are in: consolidating its own tabs.
    annotations: opts.annotate ? annotationsFor(findings, opts.annotate) : [],
    activate: CONSOLIDATION_SHEET,
  };
  return opts.target ? placeProductSheets(planned, opts.target) : planned;
}

/** A consolidation stopped by a broken 指标规则: its findings only. */
export function findingsOnlyPlan(findings: Finding[]): WritePlan {
  return {
    sheets: [findingsSheet(findings, CONSOLIDATION_FINDINGS_TITLE)],
    annotations: [],
    activate: FINDINGS_SHEET,
  };
}

/** The 汇总 sheet: the gap-analysis layout with the units each figure comes from. */
function summarySheet(
  figures: ConsolidationFigures,
  unitKind: ConsolidationPlanOptions["unitKind"]
): PlanSheet {
  const { catalogue } = figures;
  const unitsOf = new Map(figures.consolidated.map((c) => [c.code, c.units]));
  const reportedUnits = figures.completeness.filter((r) => r.status === "reported").length;
  const summary = gapSheet(figures.indicators, figures.scores, catalogue, {
    name: CONSOLIDATION_SHEET,
    title: CONSOLIDATION_TITLE,
    subtitle: consolidationSubtitle({
      period: figures.period,
      asOf: figures.asOf,
      reportedUnits,
      version: catalogue.version,
    }),
    source: {
      header: SOURCE_UNITS_HEADER,
      value: (r) => sourceText(unitsOf.get(r.code) ?? [], unitKind),
    },
  });
  // Unit names such as 甘南合作生态产业园区管委会 need a wider source column than a sheet name.
  if (summary.columnWidths) summary.columnWidths[0] = 26;
  return summary;
}

/** The 汇总 sheet's source column: the units by name when few, else how many townships and streets. */
function sourceText(units: string[], unitKind: ConsolidationPlanOptions["unitKind"]): string {
  const townshipsOnly = units.every((u) => {
    const kind = unitKind(u);
    return kind === "township" || kind === "street";
  });
  return sourceUnitsText(units, townshipsOnly);
}
