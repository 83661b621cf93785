/**
 * The sheets of a consolidation's inputs (docs/consolidation.md): each input read and validated as a
 * single workbook would be (one pass over each), each sheet with its unit and approval; then the
 * consolidation's period, and which sheets belong to it.
 */
import type { WorkbookGrids } from "../model/cells";
import type { Catalogue, UnitEntry } from "../model/catalogue";
import type { Finding } from "../model/results";
import type { Approval } from "../approval/record";
import type { SheetCheck } from "../validate/sheet";
import { canonicalUnitName } from "../read/match";
import { checkWorkbook, isProductGrid } from "../engine";
import { approvalFindings, approvalState, workbookApprovals } from "../approval/approve";
import { makeFinding } from "../validate/rules";
import { listText } from "../i18n/consolidation-labels";
import type { SheetReport } from "./completeness";
import { consolidationAsOf, periodLabel, sheetAsOf } from "./period";

/** An input in which no monitoring sheet was recognised. */
export interface Unreadable {
  /** Its file name, or its sheets' names for the tabs of one workbook. */
  source: string;
  errors: number;
  warnings: number;
}

export interface InputReports {
  reports: SheetReport[];
  unreadable: Unreadable[];
  /** Findings about no sheet that was read (a workbook's own). */
  loose: Finding[];
}

export interface ReadOptions {
  asOf?: string;
  /** Approvals kept outside the inputs (matched by sheet name and unit). */
  approvals?: Approval[];
}

/** The finding, naming the file it is about when the sheets come from several. */
export function tag(f: Finding, file: string | undefined): Finding {
  return file ? { ...f, file } : f;
}

/** Every input's sheets; files are named, when there are several, by name or "#2". */
export function readInputs(
  inputs: { file?: string; grids: WorkbookGrids }[],
  catalogue: Catalogue,
  opts: ReadOptions
): InputReports {
  const several = inputs.length > 1;
  const out: InputReports = { reports: [], unreadable: [], loose: [] };
  inputs.forEach((input, i) => {
    const file = several ? (input.file ?? `#${i + 1}`) : input.file;
    readInput(input.grids, { file, tagFile: several ? file : undefined }, catalogue, opts, out);
  });
  return out;
}

function readInput(
  grids: WorkbookGrids,
  names: { file?: string; tagFile?: string },
  catalogue: Catalogue,
  opts: ReadOptions,
  out: InputReports
): void {
  const { checks, findings } = checkWorkbook(grids, {
    catalogue,
    asOf: opts.asOf,
    ignoreRulesSheet: true,
  });
  const own = workbookApprovals(grids);
  const inChecks = new Set(checks.flatMap((c) => c.findings));
  const rest = findings.filter((f) => !inChecks.has(f)).map((f) => tag(f, names.tagFile));
  out.loose.push(...rest);
  if (!checks.length) {
    const sheets = grids.sheets.filter((s) => !isProductGrid(s)).map((s) => s.name);
    out.unreadable.push({
      source: names.file ?? listText(sheets),
      errors: rest.filter((f) => f.severity === "error").length,
      warnings: rest.filter((f) => f.severity === "warning").length,
    });
  }
  for (const check of checks)
    out.reports.push(sheetReport(check, names.tagFile, catalogue, own, opts.approvals ?? []));
}

function sheetReport(
  check: SheetCheck,
  file: string | undefined,
  catalogue: Catalogue,
  own: Approval[],
  extra: Approval[]
): SheetReport {
  const { unit, entry } = unitOf(check, catalogue);
  // The input's own log decides; approvals kept elsewhere count when it has none for the sheet.
  let approval = approvalState(check, own);
  const findings = check.findings.map((f) => tag(f, file));
  if (approval.state === "none" && extra.length) {
    approval = approvalState(check, extra, { byUnit: true });
    findings.push(...approvalFindings([check], extra, { byUnit: true }).map((f) => tag(f, file)));
  }
  return { file, check, unit, entry, included: false, approval, findings };
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
 * The consolidation's period end (the one given, else the one most sheets report) and its name.
 * Sheets of another period are not mixed in: each gets a period_mismatch finding.
 */
export function placeInPeriod(
  reports: SheetReport[],
  given?: string
): { asOf: string | null; period: string | null } {
  const checks = reports.map((r) => r.check);
  const asOf = consolidationAsOf(checks, given);
  const period = asOf ? periodLabel(checks, asOf) : null;
  for (const r of reports) {
    const own = sheetAsOf(r.check);
    r.included = !!asOf && own === asOf;
    if (!asOf || !own || own === asOf) continue;
    const meta = r.check.read.meta.period;
    const f = makeFinding(
      "period_mismatch",
      { sheet: r.check.sheet, cell: meta?.address, text: meta?.text },
      { found: r.check.period?.label ?? meta?.text ?? own, expected: period ?? asOf }
    );
    r.findings.push(tag(f, r.file));
  }
  return { asOf, period };
}
