/**
 * Consolidation (docs/specification.md §8): the monitoring sheets of many units for a period — tabs of one workbook
 * or several files — read and validated as usual, then per indicator the city's figure, scored and
 * gap-analysed like a single sheet (docs/specification.md §5), and who reported (填报情况).
 */
import type { WorkbookGrids } from "../model/cells";
import type { Catalogue } from "../model/catalogue";
import type { ConsolidatedIndicator, ConsolidationFigures } from "../model/consolidation";
import type { Finding } from "../model/results";
import type { WritePlan } from "../model/plan";
import { defaultCatalogue } from "../catalogue/default";
import { catalogueFor } from "../catalogue/resolve";
import { sameUnit } from "../read/match";
import { isProductGrid, type SheetSummary } from "../engine";
import { aggregateScores } from "../score";
import type { Approval } from "../approval/record";
import {
  CONSOLIDATION_SHEET,
  consolidationPlan,
  findingsOnlyPlan,
} from "../plan/consolidation-plan";
import { completeness, type SheetReport } from "./completeness";
import { cityFigures } from "./figures";
import { addDays } from "./period";
import { placeInPeriod, readInputs } from "./reports";

export { CONSOLIDATION_SHEET };
export type { ConsolidatedIndicator };

export interface ConsolidationInput {
  /** The file's name, when the sheets come from several files. */
  file?: string;
  grids: WorkbookGrids;
}

export interface ConsolidateOptions {
  /** One catalogue for all inputs (their own 指标规则 sheets are not used); see chooseCatalogue. */
  catalogue?: Catalogue;
  /** The consolidation's period end (ISO date); by default the one most sheets report. */
  asOf?: string;
  /**
   * The period end to consolidate when no `asOf` is given, among the sheets' own periods (unlike
   * `asOf`, a sheet without a period is not taken as of it): history.ts's choice of the latest.
   */
  period?: string;
  /** Findings made before the consolidation (a file set aside), listed with its own. */
  findings?: Finding[];
  /** Approvals kept outside the inputs (matched by sheet name and unit); each input's own 审核记录 is always read. */
  approvals?: Approval[];
  /**
   * The workbook the plan will be written into, so that a user's own sheet named 汇总 or 填报情况 is
   * never replaced; by default the input itself when the tabs of one workbook are consolidated.
   */
  target?: WorkbookGrids;
}

export interface ConsolidationResult extends Omit<ConsolidationFigures, "catalogue"> {
  sheets: (SheetSummary & { file?: string })[];
  reports: SheetReport[];
  plan: WritePlan;
  /** Null when the workbook's own 指标规则 is broken: then only its findings are given. */
  catalogue: Catalogue | null;
}

/**
 * One catalogue for every input: the one given; else, for the tabs of one workbook, its own 指标规则;
 * else the plan's. Null when that workbook's 指标规则 is broken (its findings say why).
 */
function chooseCatalogue(
  inputs: ConsolidationInput[],
  given?: Catalogue
): { catalogue: Catalogue | null; findings: Finding[] } {
  if (given) return { catalogue: given, findings: [] };
  if (inputs.length === 1) {
    const choice = catalogueFor(inputs[0].grids);
    return { catalogue: choice.catalogue, findings: choice.findings };
  }
  return { catalogue: defaultCatalogue(), findings: [] };
}

export function consolidate(
  inputs: ConsolidationInput[],
  opts: ConsolidateOptions = {}
): ConsolidationResult {
  const choice = chooseCatalogue(inputs, opts.catalogue);
  if (!choice.catalogue) return brokenRules(choice.findings);
  const catalogue = choice.catalogue;
  // 1. Read and validate every sheet; 2. the period: sheets of another period are not mixed in.
  const { reports, unreadable, loose } = readInputs(inputs, catalogue, opts);
  const { asOf, period } = placeInPeriod(reports, opts.asOf ?? opts.period);
  // 3. The city's figure of each indicator.
  const { indicators, consolidated } = cityFigures(reports, catalogue, asOf);
  const scores = aggregateScores(indicators);
  // 4. Who reported.
  const dueDate = asOf ? addDays(asOf, catalogue.dueDays) : null;
  const rows = completeness({ catalogue, reports, unreadable, asOf, dueDate, sameUnit });
  const findings = [...(opts.findings ?? []), ...loose, ...reports.flatMap((r) => r.findings)];
  const figures: ConsolidationFigures = {
    asOf,
    period,
    dueDate,
    findings,
    indicators,
    scores,
    consolidated,
    completeness: rows,
    catalogue,
  };
  return {
    ...figures,
    sheets: reports.map(sheetSummary),
    reports,
    plan: planOf(figures, inputs, opts.target),
  };
}

/** A sheet read, as the result lists it. */
function sheetSummary(r: SheetReport): SheetSummary & { file?: string } {
  return {
    ...(r.file ? { file: r.file } : {}),
    sheet: r.check.sheet,
    recognised: r.check.recognised,
    unit: r.check.unit,
    period: r.check.period?.label ?? r.check.read.meta.period?.text ?? null,
    asOf: r.check.asOf,
    rows: r.check.rows.length,
  };
}

/**
 * The sheets drawn from the results, placed in the workbook they are written into: the one given,
 * else the input itself when the tabs of one workbook are consolidated (whose cells are then marked).
 */
function planOf(
  figures: ConsolidationFigures,
  inputs: ConsolidationInput[],
  target: WorkbookGrids | undefined
): WritePlan {
  const tabs = inputs.length === 1 && !inputs[0].file ? inputs[0].grids : undefined;
  const userSheets = tabs?.sheets.filter((s) => !isProductGrid(s)).map((s) => s.name);
  return consolidationPlan(figures, {
    unitKind: (u) => figures.catalogue.units.find((e) => sameUnit(e.name, u))?.kind,
    annotate: userSheets && new Set(userSheets),
    target: target ?? tabs,
  });
}

/** A broken 指标规则 in the workbook: its findings only, nothing read or scored against it. */
function brokenRules(findings: Finding[]): ConsolidationResult {
  return {
    asOf: null,
    period: null,
    dueDate: null,
    findings,
    indicators: [],
    scores: { overall: null, categories: {} },
    consolidated: [],
    completeness: [],
    sheets: [],
    reports: [],
    plan: findingsOnlyPlan(findings),
    catalogue: null,
  };
}
