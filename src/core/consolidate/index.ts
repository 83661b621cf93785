/**
 * Consolidation (SPEC §8): the monitoring sheets of many units for a period — tabs of one workbook
 * or several files — read and validated as usual, then per indicator the city's figure, scored and
 * gap-analysed like a single sheet (SPEC §5), and who reported (填报情况).
 */
import type { WorkbookGrids } from "../model/cells";
import type { Catalogue, Indicator, UnitEntry } from "../model/catalogue";
import type { Finding, IndicatorResult, Scores, Status } from "../model/results";
import type { WritePlan } from "../model/plan";
import { defaultCatalogue } from "../catalogue/default";
import { catalogueFor } from "../catalogue/resolve";
import { canonicalUnitName, sameUnit, unitKey } from "../catalogue/match";
import { checkWorkbook, isProductGrid, type SheetSummary } from "../engine";
import { placeProductSheets } from "../plan/product-sheet";
import { aggregateScores, scoreIndicator } from "../score";
import { makeFinding } from "../validate/rules";
import type { SheetCheck, RowData } from "../validate/sheet";
import { approvalFindings, approvalState, workbookApprovals } from "../approval/approve";
import type { Approval } from "../approval/record";
import { gapSheet } from "../plan/gap-sheet";
import { findingsSheet, annotationsFor, FINDINGS_SHEET } from "../plan/findings-sheet";
import { completenessSheet } from "../plan/completeness-sheet";
import { unitsPhrase } from "../i18n/consolidation-messages";
import { aggregateIndicator, where as whereOf, type Contribution } from "./aggregate";
import { completeness, type CompletenessRow, type SheetReport } from "./completeness";
import { addDays, consolidationAsOf, periodLabel, sheetAsOf } from "./period";

export const CONSOLIDATION_SHEET = "汇总";

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

export interface ConsolidatedIndicator {
  code: string;
  value: number | null;
  /** The units whose values make the figure. */
  units: string[];
  status: Status;
  completion: number | null;
  score: number | null;
}

export interface ConsolidationResult {
  asOf: string | null;
  /** The period's name, e.g. 2022年第三季度. */
  period: string | null;
  /** The date sheets were due (period end + the catalogue's dueDays). */
  dueDate: string | null;
  findings: Finding[];
  /** The city's figures, one per scored indicator of the catalogue. */
  indicators: IndicatorResult[];
  scores: Scores;
  consolidated: ConsolidatedIndicator[];
  completeness: CompletenessRow[];
  sheets: (SheetSummary & { file?: string })[];
  reports: SheetReport[];
  plan: WritePlan;
  /** Null when the workbook's own 指标规则 is broken: then only its findings are given. */
  catalogue: Catalogue | null;
}

function tag(f: Finding, file: string | undefined): Finding {
  return file ? { ...f, file } : f;
}

/** The unit of a sheet as the catalogue spells it, and its entry in the list. */
function unitOf(
  check: SheetCheck,
  catalogue: Catalogue
): { unit: string | null; entry: UnitEntry | null } {
  const typed = check.unit;
  if (!typed) return { unit: null, entry: null };
  const known = canonicalUnitName(catalogue, typed);
  const entry = known ? (catalogue.units.find((u) => u.name === known) ?? null) : null;
  return { unit: known ?? typed, entry };
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
  const several = inputs.length > 1;
  const reports: SheetReport[] = [];
  const unreadable: { source: string; errors: number; warnings: number }[] = [];
  const loose: Finding[] = [];

  // 1. Read and validate every sheet, as a single workbook would be (one pass over each input).
  inputs.forEach((input, i) => {
    const file = several ? (input.file ?? `#${i + 1}`) : input.file;
    const tagFile = several ? file : undefined;
    const { checks, findings } = checkWorkbook(input.grids, {
      catalogue,
      asOf: opts.asOf,
      ignoreRulesSheet: true,
    });
    const own = workbookApprovals(input.grids);
    const inChecks = new Set(checks.flatMap((c) => c.findings));
    const rest = findings.filter((f) => !inChecks.has(f)).map((f) => tag(f, tagFile));
    loose.push(...rest);
    if (!checks.length) {
      unreadable.push({
        source:
          file ??
          input.grids.sheets
            .filter((s) => !isProductGrid(s))
            .map((s) => s.name)
            .join("、"),
        errors: rest.filter((f) => f.severity === "error").length,
        warnings: rest.filter((f) => f.severity === "warning").length,
      });
    }
    for (const check of checks) {
      const { unit, entry } = unitOf(check, catalogue);
      const extra = opts.approvals ?? [];
      // The input's own log decides; approvals kept elsewhere count when it has none for the sheet.
      let approval = approvalState(check, own);
      const sheetFindings = check.findings.map((f) => tag(f, tagFile));
      if (approval.state === "none" && extra.length) {
        approval = approvalState(check, extra, { byUnit: true });
        sheetFindings.push(
          ...approvalFindings([check], extra, { byUnit: true }).map((f) => tag(f, tagFile))
        );
      }
      reports.push({
        file: tagFile,
        check,
        unit,
        entry,
        included: false,
        approval,
        findings: sheetFindings,
      });
    }
  });

  // 2. The period: sheets of another period are not mixed in.
  const asOf = consolidationAsOf(
    reports.map((r) => r.check),
    opts.asOf ?? opts.period
  );
  const period = asOf
    ? periodLabel(
        reports.map((r) => r.check),
        asOf
      )
    : null;
  for (const r of reports) {
    const own = sheetAsOf(r.check);
    r.included = !!asOf && own === asOf;
    if (asOf && own && own !== asOf) {
      const meta = r.check.read.meta.period;
      r.findings.push(
        tag(
          makeFinding(
            "period_mismatch",
            { sheet: r.check.sheet, cell: meta?.address, text: meta?.text },
            { found: r.check.period?.label ?? meta?.text ?? own, expected: period ?? asOf }
          ),
          r.file
        )
      );
    }
  }

  // 3. The city's figure of each indicator.
  const indicators: IndicatorResult[] = [];
  const consolidated: ConsolidatedIndicator[] = [];
  const byUnit = contributionsByUnit(reports, catalogue);
  if (asOf) {
    for (const ind of catalogue.indicators.filter((i) => i.kind)) {
      const contributions = byUnit
        .map((u) => u.contribution(ind))
        .filter((c): c is Contribution => !!c);
      const fig = aggregateIndicator(ind, contributions);
      for (const f of fig.findings) reportOf(reports, f)?.findings.push(f);
      const figures = scoreIndicator({
        indicator: ind,
        state: fig.state,
        actual: fig.value,
        baseline: fig.baseline,
        asOf,
        history: fig.history,
        tolerances: catalogue.tolerances,
      });
      const res: IndicatorResult = { ...figures, sheet: CONSOLIDATION_SHEET };
      if (fig.actualText) res.actualText = fig.actualText;
      // An invalid figure is not shown as a number: who has to correct it is.
      if (fig.state === "invalid") res.actualText = `待核实：${unitsPhrase(fig.brokenBy).zh}`;
      if (fig.approximate) res.approximate = true;
      indicators.push(res);
      consolidated.push({
        code: ind.code,
        value: fig.value,
        units: fig.units,
        status: res.status,
        completion: res.completion,
        score: res.score,
      });
    }
  }
  const scores = aggregateScores(indicators);

  // 4. Who reported.
  const dueDate = asOf ? addDays(asOf, catalogue.dueDays) : null;
  const rows = completeness({ catalogue, reports, unreadable, asOf, dueDate, sameUnit });

  const findings = [...(opts.findings ?? []), ...loose, ...reports.flatMap((r) => r.findings)];
  const sheets = reports.map((r) => ({
    ...(r.file ? { file: r.file } : {}),
    sheet: r.check.sheet,
    recognised: r.check.recognised,
    unit: r.check.unit,
    period: r.check.period?.label ?? r.check.read.meta.period?.text ?? null,
    asOf: r.check.asOf,
    rows: r.check.rows.length,
  }));
  const unitsOf = new Map(consolidated.map((c) => [c.code, c.units]));
  const reportedUnits = rows.filter((r) => r.status === "reported").length;
  const summary = gapSheet(indicators, scores, catalogue, {
    name: CONSOLIDATION_SHEET,
    title: "汇总 / Consolidated figures",
    subtitle: `报告期：${period ?? "—"}　截至：${asOf ?? "—"}　报送单位 ${reportedUnits} 个　指标目录版本：${catalogue.version}`,
    source: {
      header: "数据来源单位",
      value: (r) => sourceText(unitsOf.get(r.code) ?? [], catalogue),
    },
  });
  // Unit names such as 甘南合作生态产业园区管委会 need a wider source column than a sheet name.
  if (summary.columnWidths) summary.columnWidths[0] = 26;
  const tabs = !several && !inputs[0]?.file ? inputs[0]?.grids : undefined;
  const target = opts.target ?? tabs;
  const planned: WritePlan = {
    sheets: [
      summary,
      completenessSheet(rows, { period, asOf, dueDate }),
      findingsSheet(findings, "校验结果 / Validation findings (consolidation)"),
    ],
    // Cells can be marked only in the workbook the sheets are in: consolidating its own tabs.
    annotations: tabs
      ? annotationsFor(
          findings,
          new Set(tabs.sheets.filter((s) => !isProductGrid(s)).map((s) => s.name))
        )
      : [],
    activate: CONSOLIDATION_SHEET,
  };
  const plan = target ? placeProductSheets(planned, target) : planned;
  return {
    asOf,
    period,
    dueDate,
    findings,
    indicators,
    scores,
    consolidated,
    completeness: rows,
    sheets,
    reports,
    plan,
    catalogue,
  };
}

/** The 汇总 sheet's source column: the units by name when few, else how many townships and streets. */
function sourceText(units: string[], catalogue: Catalogue): string {
  if (units.length <= 2) return units.join("、");
  const kinds = units.map((u) => catalogue.units.find((e) => sameUnit(e.name, u))?.kind);
  return kinds.every((k) => k === "township" || k === "street")
    ? `${units.length} 个乡镇（街道）`
    : `${units.length} 个单位`;
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
    plan: {
      sheets: [findingsSheet(findings, "校验结果 / Validation findings (consolidation)")],
      annotations: [],
      activate: FINDINGS_SHEET,
    },
    catalogue: null,
  };
}

/** The report a consolidation finding is about (by file, sheet and cell). */
function reportOf(reports: SheetReport[], f: Finding): SheetReport | undefined {
  return reports.find((r) => r.file === f.file && r.check.sheet === f.sheet);
}

interface UnitRows {
  contribution(ind: Indicator): Contribution | undefined;
}

/**
 * Each named unit's rows from the sheets of the period, one row per indicator: a unit that sent the
 * same indicator twice contributes its first row (a second, different value is a conflict).
 */
function contributionsByUnit(reports: SheetReport[], catalogue: Catalogue): UnitRows[] {
  const groups = new Map<string, SheetReport[]>();
  for (const r of reports) {
    if (!r.included || !r.unit) continue;
    const key = unitKey(r.unit);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  // In the catalogue's order of units (then units outside the list), whatever the order of the files.
  const order = (key: string) => {
    const i = catalogue.units.findIndex((u) => unitKey(u.name) === key);
    return i < 0 ? catalogue.units.length : i;
  };
  const sorted = Array.from(groups).sort((a, b) => order(a[0]) - order(b[0]));
  const out: UnitRows[] = [];
  for (const [, mine] of sorted) {
    const rowsByCode = new Map<string, { row: RowData; report: SheetReport }>();
    for (const report of mine) {
      for (const row of report.check.rows) {
        const first = rowsByCode.get(row.indicator.code);
        if (!first) {
          rowsByCode.set(row.indicator.code, { row, report });
          continue;
        }
        const a = first.row.actual;
        const b = row.actual;
        if (
          a.state === "ok" &&
          b.state === "ok" &&
          a.value !== null &&
          b.value !== null &&
          Math.abs(a.value - b.value) > 1e-9 * Math.max(1, Math.abs(a.value))
        ) {
          const at = { unit: report.unit!, file: report.file, sheet: report.check.sheet, row };
          const f = makeFinding(
            "conflicting_values",
            {
              sheet: report.check.sheet,
              cell: b.address,
              indicator: row.indicator.code,
              text: b.text,
            },
            {
              ind: `${row.indicator.code} ${row.indicator.name}`,
              reporter: whereOf(at),
              found: b.text || b.value,
              owner: whereOf({
                unit: first.report.unit!,
                file: first.report.file,
                sheet: first.report.check.sheet,
                row: first.row,
              }),
              expected: a.value,
            }
          );
          report.findings.push(tag(f, report.file));
        }
      }
    }
    const unit = mine[0].unit!;
    const entry = mine[0].entry;
    out.push({
      contribution(ind) {
        const hit = rowsByCode.get(ind.code);
        if (!hit) return undefined;
        const weight = ind.weightBy ? rowsByCode.get(ind.weightBy)?.row : undefined;
        return {
          unit,
          kind: entry?.kind ?? null,
          isOwner: sameUnit(unit, ind.owner),
          row: hit.row,
          weightRow: weight,
          file: hit.report.file,
          sheet: hit.report.check.sheet,
        };
      },
    });
  }
  return out;
}
