/**
 * The engine's entry points: read every monitoring sheet of a workbook, validate, score, and
 * produce the write plan. Pure: the grids come in, data goes out.
 */
import type { SheetGrid, WorkbookGrids } from "./model/cells";
import type { Catalogue } from "./model/catalogue";
import type { Finding, IndicatorResult, Scores } from "./model/results";
import type { WritePlan } from "./model/plan";
import { defaultCatalogue } from "./catalogue/default";
import { catalogueFor } from "./catalogue/resolve";
import { RULES_SHEET } from "./catalogue/sheet-layout";
import { isProductSheet } from "./scope";
import { indexCatalogue } from "./read/match";
import { checkSheet, type SheetCheck } from "./validate/sheet";
import { makeFinding } from "./validate/rules";
import { aggregateScores } from "./score";
import { findingsSheet, annotationsFor, FINDINGS_SHEET } from "./plan/findings-sheet";
import { gapSheet, GAP_SHEET } from "./plan/gap-sheet";
import { periodChanges } from "./plan/period-change";
import { isProductMade, placeProductSheets, replacedSheetBase } from "./plan/product-sheet";
import { approvalFindings, workbookApprovals } from "./approval/approve";
import { roundForJson } from "./util/round";
import { CatalogueError, NoSuchSheetError } from "./errors";
import { RUN_SHEET_TEXT } from "./i18n/engine-messages";

export interface RunOptions {
  /** The catalogue for a workbook without a 指标规则 sheet of its own (default: the plan's). */
  catalogue?: Catalogue;
  /** Use `catalogue` even when the workbook has its own 指标规则 (one catalogue for all inputs of a consolidation). */
  ignoreRulesSheet?: boolean;
  /** ISO date; overrides the sheets' periods. */
  asOf?: string;
  /** Only this sheet. */
  sheet?: string;
}

export interface SheetSummary {
  sheet: string;
  recognised: boolean;
  unit: string | null;
  period: string | null;
  asOf: string | null;
  rows: number;
}

export interface RunResult {
  asOf: string | null;
  findings: Finding[];
  indicators: IndicatorResult[];
  scores: Scores;
  sheets: SheetSummary[];
  plan: WritePlan;
  /** The per-sheet checks, without their rows (checkWorkbook keeps them, for consolidation and approval). */
  checks: SheetCheck[];
}

export { isProductSheet, validationScope } from "./scope";
export { CatalogueError, NoSuchSheetError, PlanError } from "./errors";

/**
 * A sheet the product wrote or keeps, judged by name and content: a user's own sheet that is only
 * named like a product sheet (差距分析 typed on a tab) is the user's, read and never replaced.
 */
export function isProductGrid(grid: SheetGrid): boolean {
  return replacedSheetBase(grid.name) !== null ? isProductMade(grid) : isProductSheet(grid.name);
}

function hasContent(rows: WorkbookGrids["sheets"][number]["rows"]): boolean {
  return rows.some(
    (r) => r && r.some((c) => c && c.value !== null && c.value !== undefined && c.value !== "")
  );
}

/** The catalogue `wb` is checked against (see catalogueFor); a broken 指标规则 throws CatalogueError. */
export function usableCatalogue(wb: WorkbookGrids, given?: Catalogue): Catalogue {
  const choice = catalogueFor(wb, given);
  if (!choice.catalogue) throw new CatalogueError(choice.findings);
  return choice.catalogue;
}

/**
 * Reads and validates every candidate sheet; unrecognised sheets are findings only when nothing else is a
 * monitoring sheet. A `sheet` the workbook lacks throws NoSuchSheetError.
 */
export function checkWorkbook(
  wb: WorkbookGrids,
  opts: RunOptions = {},
  keep: "rows" | "results" = "rows"
): { checks: SheetCheck[]; findings: Finding[]; catalogue: Catalogue | null } {
  if (opts.sheet && !wb.sheets.some((s) => s.name === opts.sheet)) {
    throw new NoSuchSheetError(opts.sheet);
  }
  const choice = opts.ignoreRulesSheet
    ? { catalogue: opts.catalogue ?? defaultCatalogue(), findings: [] }
    : catalogueFor(wb, opts.catalogue);
  // A broken 指标规则: only its findings. Nothing is read or scored against rules that are half wrong.
  if (!choice.catalogue) return { checks: [], findings: choice.findings, catalogue: null };
  const catalogue = choice.catalogue;
  // Validating 指标规则 itself is checking the catalogue, which has just been read without a problem.
  if (opts.sheet === RULES_SHEET && !opts.ignoreRulesSheet)
    return { checks: [], findings: [], catalogue };
  const index = indexCatalogue(catalogue);
  const candidates = wb.sheets.filter((s) =>
    opts.sheet ? s.name === opts.sheet : !isProductGrid(s)
  );
  const approvals = workbookApprovals(wb);
  const checks: SheetCheck[] = [];
  for (const g of candidates) {
    const sheetCheck = checkSheet(g, catalogue, { asOf: opts.asOf, index });
    // A table of units as rows: each unit's row is that unit's report (docs/reading-forms.md).
    for (const check of sheetCheck.parts ?? [sheetCheck]) {
      // A sheet whose data differ from its last approval in this workbook's 审核记录 (docs/specification.md §9).
      check.findings.push(...approvalFindings([check], approvals));
      checks.push(keep === "rows" ? check : withoutRows(check));
    }
  }
  const recognised = checks.filter((c) => c.recognised);
  const findings: Finding[] = [];
  if (recognised.length === 0) {
    const nonEmpty = candidates.filter((g) => hasContent(g.rows)).map((g) => g.name);
    const report = nonEmpty.length ? nonEmpty : candidates.map((g) => g.name);
    // Each says what was looked for in the sheet and what was found there.
    const notFound = (name: string) => checks.find((c) => c.sheet === name)?.read.notFound;
    for (const name of report.length ? report : [""])
      findings.push(
        makeFinding("sheet_not_recognised", { sheet: name }, { notFound: notFound(name) })
      );
  }
  for (const c of recognised) findings.push(...c.findings);
  return { checks: opts.sheet ? checks : recognised, findings, catalogue };
}

/**
 * A sheet's check without the rows read and their values, once its findings and results are made:
 * analysing many sheets then keeps only what it reports, not every cell it looked at.
 */
function withoutRows(check: SheetCheck): SheetCheck {
  return { ...check, read: { ...check.read, rows: [] }, rows: [] };
}

function summaries(checks: SheetCheck[]): SheetSummary[] {
  return checks.map((c) => ({
    sheet: c.sheet,
    recognised: c.recognised,
    unit: c.unit,
    period: c.period?.label ?? c.read.meta.period?.text ?? null,
    asOf: c.asOf,
    rows: c.rowCount,
  }));
}

function commonAsOf(checks: SheetCheck[], opts: RunOptions): string | null {
  if (opts.asOf) return opts.asOf;
  const dates = Array.from(
    new Set(checks.map((c) => c.asOf).filter((d): d is string => !!d))
  ).sort();
  return dates.length ? dates[dates.length - 1] : null;
}

const EMPTY_SCORES: Scores = { overall: null, categories: {} };

/** Sheets whose cells findings may mark: the user's sheets, and 指标规则, which the office edits. */
function markableSheets(wb: WorkbookGrids): Set<string> {
  return new Set(
    wb.sheets.filter((s) => !isProductGrid(s) || s.name === RULES_SHEET).map((s) => s.name)
  );
}

export function validateWorkbook(wb: WorkbookGrids, opts: RunOptions = {}): RunResult {
  const { checks, findings } = checkWorkbook(wb, opts, "results");
  const userSheets = markableSheets(wb);
  const plan: WritePlan = placeProductSheets(
    {
      sheets: [findingsSheet(findings, RUN_SHEET_TEXT.findingsTitle)],
      annotations: annotationsFor(findings, userSheets),
      // The checked sheets' earlier marks are replaced: a cell fixed since the last run loses its mark.
      replaceAnnotations: checks.map((c) => c.sheet),
      activate: FINDINGS_SHEET,
    },
    wb
  );
  return {
    asOf: commonAsOf(checks, opts),
    findings,
    indicators: [],
    scores: EMPTY_SCORES,
    sheets: summaries(checks),
    plan,
    checks,
  };
}

export function analyseWorkbook(wb: WorkbookGrids, opts: RunOptions = {}): RunResult {
  const { checks, findings, catalogue } = checkWorkbook(wb, opts, "results");
  // No analysis on a broken 指标规则: the findings say what to correct.
  if (!catalogue) return validateWorkbook(wb, opts);
  // A plain loop: flatMap over thousands of sheets' arrays is several times slower in V8.
  const indicators: IndicatorResult[] = [];
  for (const c of checks) for (const r of c.results) indicators.push(r);
  const scores = aggregateScores(indicators);
  const asOf = commonAsOf(checks, opts);
  const userSheets = markableSheets(wb);
  const units = Array.from(new Set(checks.map((c) => c.unit).filter(Boolean))).join("、");
  const periods = Array.from(
    new Set(checks.map((c) => c.period?.label ?? c.read.meta.period?.text).filter(Boolean))
  ).join("、");
  // A workbook holding the unit's earlier periods too: each actual beside its change since then.
  const change = periodChanges(checks);
  const gap = gapSheet(indicators, scores, catalogue, {
    name: GAP_SHEET,
    title: RUN_SHEET_TEXT.gapTitle,
    subtitle: RUN_SHEET_TEXT.gapSubtitle({
      units: units || "—",
      periods: periods || "—",
      asOf: asOf ?? "—",
      compared: change?.previous ?? [],
      version: catalogue.version,
    }),
    change: change?.value,
    // A table of units as rows gives several units' rows from one sheet: the unit is named beside it.
    source:
      checks.length > 1
        ? {
            header: RUN_SHEET_TEXT.sourceHeader,
            value: (r) => (r.source ? RUN_SHEET_TEXT.source(r.sheet, r.source) : r.sheet),
          }
        : undefined,
    linkToSource: true,
  });
  const plan: WritePlan = placeProductSheets(
    {
      sheets: [gap, findingsSheet(findings, RUN_SHEET_TEXT.findingsTitle)],
      annotations: annotationsFor(findings, userSheets),
      replaceAnnotations: checks.map((c) => c.sheet),
      activate: GAP_SHEET,
    },
    wb
  );
  return { asOf, findings, indicators, scores, sheets: summaries(checks), plan, checks };
}

/** The JSON document of docs/specification.md §10. */
export function toJsonDocument(result: RunResult, mode: "validate" | "analyse"): object {
  const doc: Record<string, unknown> = {
    asOf: result.asOf,
    findings: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell ?? null,
      indicator: f.indicator ?? null,
      text: f.text ?? null,
      message: f.message.zh,
      messageEn: f.message.en,
      ...(f.file ? { file: f.file } : {}),
    })),
    sheets: result.sheets,
  };
  if (mode === "analyse") {
    doc.indicators = result.indicators.map((r) => ({
      code: r.code,
      sheet: r.sheet,
      unit: r.unit,
      baseline: roundForJson(r.baseline),
      target: roundForJson(r.target),
      actual: roundForJson(r.actual),
      completion: roundForJson(r.completion),
      progress: roundForJson(r.progress),
      schedule: roundForJson(r.schedule),
      gap: roundForJson(r.gap),
      requiredGrowth: roundForJson(r.requiredGrowth),
      projection: roundForJson(r.projection),
      projectionMeets: r.projectionMeets,
      status: r.status,
      score: roundForJson(r.score),
      // A table of units as rows: the unit whose row the result is (docs/reading-forms.md).
      ...(r.source ? { reporter: r.source } : {}),
    }));
    doc.scores = {
      overall: roundForJson(result.scores.overall),
      categories: Object.fromEntries(
        Object.entries(result.scores.categories).map(([k, v]) => [k, roundForJson(v)])
      ),
    };
  }
  return doc;
}
