/**
 * What a button of the pane does, without React or a host: read the workbook through its
 * port, run the engine, write the plan back. The pane's hook only keeps the state around it.
 */
import { RULES_SHEET } from "../core/catalogue/sheet-layout";
import { APPROVALS_SHEET } from "../core/approval/record";
import type { RunOptions, RunResult } from "../core/engine";
import type { Finding, IndicatorResult, Severity, Status } from "../core/model/results";
import { STATUSES } from "../core/model/results";
import { compareIndicatorCodes } from "../core/util/indicator-codes";
import { ExcelRefusal } from "../workbook/office/refusal";
import type { RefusalReason } from "../workbook/office/refusal";
import type { WorkbookPort } from "../workbook/port";
import type { StringKey } from "./strings";

export type RunMode = "validate" | "analyse";

/** A failure the pane can explain in one sentence: `key` names it in strings.ts; `cause` is kept for the console. */
export class PaneError extends Error {
  constructor(
    readonly key: StringKey,
    readonly cause?: unknown
  ) {
    super(key);
    this.name = "PaneError";
  }
}

const REFUSALS: Record<RefusalReason, StringKey> = {
  officeTooOld: "errorOfficeTooOld",
  workbookProtected: "errorWorkbookProtected",
};

/** The sentence for a change Excel's adapter declined before making it (an Office too old, a protected workbook), null for other failures. */
export function refusalKey(e: unknown): StringKey | null {
  return e instanceof ExcelRefusal ? REFUSALS[e.reason] : null;
}

/**
 * Runs `work`; any failure becomes a PaneError with `key`, or with the sentence of a refusal that
 * says what to do (a PaneError from inside is kept as it is).
 */
export async function failAs<T>(key: StringKey, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw e instanceof PaneError ? e : new PaneError(refusalKey(e) ?? key, e);
  }
}

/** Reports the step under way; may return a promise so the page can paint it before the work starts. */
export type StepListener = (step: StringKey) => void | Promise<void>;

/**
 * Validates or analyses the workbook behind `port` and writes the results into it: the
 * annotations of an earlier run in the same scope are removed first, so a cell fixed since
 * then loses its mark.
 */
export async function runCheck(
  port: WorkbookPort,
  mode: RunMode,
  opts: RunOptions,
  onStep: StepListener
): Promise<RunResult> {
  await onStep("stepReading");
  // Validating one sheet reads only that sheet (one round trip inside Excel), with the workbook's own
  // rules and approvals, which decide its catalogue and whether it changed since it was approved.
  const names = opts.sheet
    ? Array.from(new Set([opts.sheet, RULES_SHEET, APPROVALS_SHEET]))
    : undefined;
  const grids = await failAs("errorRead", () => port.readSheets(names));
  await onStep(mode === "validate" ? "stepValidating" : "stepAnalysing");
  // The engine is a chunk of its own: the pane's first screen does not wait for it (fetched
  // ahead once the pane has painted, see prefetchEngine).
  const engine = await failAs("errorLoadReader", () => loadEngine());
  const result = await failAs("errorRun", () =>
    mode === "validate" ? engine.validateWorkbook(grids, opts) : engine.analyseWorkbook(grids, opts)
  );
  await onStep("stepWriting");
  await failAs("errorWrite", async () => {
    await port.clearAnnotations(opts.sheet);
    await port.applyPlan(result.plan);
  });
  return result;
}

/** The engine, loaded once as its own chunk. */
export const loadEngine = () => import(/* webpackChunkName: "engine" */ "../core/engine");

/** Fetches the engine while the person looks at the first screen, so the first run does not wait for it. */
export function prefetchEngine(): void {
  loadEngine().catch(() => undefined); // a failed fetch is retried, and reported, by the run itself
}

/** Findings of one indicator (null: about the whole sheet, or a row no indicator matched). */
export interface FindingGroup {
  indicator: string | null;
  /** Each with its index in the run's findings, a stable key for selection. */
  items: { index: number; finding: Finding }[];
}

export interface SeverityGroup {
  severity: Severity;
  groups: FindingGroup[];
  count: number;
}

const SEVERITY_ORDER: readonly Severity[] = ["error", "warning"];

/**
 * Findings by severity (errors first), then by indicator in code order, sheet-wide findings
 * first; within a group, the engine's order. Empty severities are left out.
 */
export function groupFindings(findings: Finding[]): SeverityGroup[] {
  const out: SeverityGroup[] = [];
  for (const severity of SEVERITY_ORDER) {
    const byIndicator = new Map<string | null, FindingGroup>();
    findings.forEach((finding, index) => {
      if (finding.severity !== severity) return;
      const key = finding.indicator ?? null;
      let group = byIndicator.get(key);
      if (!group) byIndicator.set(key, (group = { indicator: key, items: [] }));
      group.items.push({ index, finding });
    });
    if (byIndicator.size === 0) continue;
    const groups = [...byIndicator.values()].sort((a, b) =>
      a.indicator === null
        ? -1
        : b.indicator === null
          ? 1
          : compareIndicatorCodes(a.indicator, b.indicator)
    );
    out.push({ severity, groups, count: groups.reduce((n, g) => n + g.items.length, 0) });
  }
  return out;
}

/** How many indicators have each status, in the order of STATUSES; statuses no indicator has are left out. */
export function countStatuses(indicators: IndicatorResult[]): { status: Status; count: number }[] {
  const counts = new Map<Status, number>();
  for (const r of indicators) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return STATUSES.filter((s) => counts.has(s)).map((status) => ({
    status,
    count: counts.get(status)!,
  }));
}

export function countSeverities(findings: Finding[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0 };
  for (const f of findings) n[f.severity] += 1;
  return n;
}

/** A score (0–100) with one decimal, as everywhere in the product. */
export function formatScore(score: number): string {
  return score.toFixed(1);
}
