/**
 * Consolidating files of several periods (several quarters' folders, or a unit's file of an earlier
 * quarter among this one's): the latest period is consolidated as a single period is, and each
 * earlier period by the same consolidation, from its own files; the periods side by side make the
 * 趋势 sheet and the score per period in 填报情况 (docs/consolidation.md#history-across-periods).
 *
 * A unit that sent two files of one period counts once: the one with the later 报出日期; the other is
 * set aside with a `superseded_report` finding. A unit that sent nothing of the latest period is not
 * reported for it: its latest earlier file stays in the latest consolidation, with its
 * `period_mismatch`, and feeds the history too.
 */
import type { Finding } from "../model/results";
import type { WritePlan } from "../model/plan";
import { unitKey } from "../read/match";
import { makeFinding } from "../validate/rules";
import { placeProductSheets, replacedSheetBase } from "../plan/product-sheet";
import { trendSheet } from "../plan/trend-sheet";
import { withScoreHistory } from "../plan/score-history";
import {
  consolidate,
  CONSOLIDATION_SHEET,
  type ConsolidateOptions,
  type ConsolidationInput,
  type ConsolidationResult,
} from "./index";
import type { SheetReport } from "./completeness";
import { reportDateOf } from "./period";
import { historyOf, type ConsolidationHistory } from "./trend";

export interface HistoryConsolidation extends ConsolidationResult {
  /** Null when the inputs hold one period only: the consolidation is then exactly a single period's. */
  history: ConsolidationHistory | null;
}

/** One sheet (or one unit's row of a table) of the inputs: where it is, whose, of which period. */
interface Placed {
  input: number;
  sheet: string;
  /** unitKey of the unit; null when the sheet names none. */
  unit: string | null;
  /** The sheet's own period end. */
  period: string | null;
  report: SheetReport;
}

function placeReports(inputs: ConsolidationInput[], reports: SheetReport[]): Placed[] {
  // consolidate() tags each report with its input's name when there are several (docs/consolidation.md).
  const several = inputs.length > 1;
  const index = new Map<string | undefined, number>();
  inputs.forEach((input, i) => {
    const key = several ? (input.file ?? `#${i + 1}`) : input.file;
    if (!index.has(key)) index.set(key, i);
  });
  return reports.map((report) => ({
    input: several ? (index.get(report.file) ?? -1) : 0,
    sheet: report.check.sheet,
    unit: report.unit ? unitKey(report.unit) : null,
    period: report.check.period?.asOf ?? null,
    report,
  }));
}

/**
 * The periods of the history, oldest first: those that at least half as many units reported as the
 * period most reported. One unit's sheet of another quarter sent by mistake neither makes that
 * quarter's consolidation nor a point of the 趋势 sheet (it stays a period_mismatch finding); the
 * last of them is the period consolidated.
 */
function historyPeriods(placed: Placed[]): string[] {
  const units = new Map<string, Set<string>>();
  for (const p of placed) {
    if (!p.period) continue;
    const set = units.get(p.period) ?? new Set<string>();
    set.add(p.unit ?? `${p.input}\u0000${p.sheet}`);
    units.set(p.period, set);
  }
  const most = Math.max(0, ...Array.from(units.values(), (s) => s.size));
  return Array.from(units)
    .filter(([, s]) => s.size * 2 >= most)
    .map(([d]) => d)
    .sort();
}

interface SetAside {
  placed: Placed;
  finding: Finding;
}

function setAsideFinding(old: Placed, by: Placed): Finding {
  const r = old.report;
  const name = (p: Placed) => p.report.file ?? p.report.check.sheet;
  const f = makeFinding(
    "superseded_report",
    { sheet: r.check.sheet, cell: r.check.read.meta.reportDate?.address },
    {
      reporter: r.unit ?? "",
      other: r.check.period?.label ?? old.period ?? "",
      found: `${name(old)} (${reportDateOf(r.check)})`,
      expected: `${name(by)} (${reportDateOf(by.report.check)})`,
    }
  );
  return r.file ? { ...f, file: r.file } : f;
}

/**
 * Each unit's files of a period that a later file of the same unit and period supersedes (by its
 * 报出日期). Files only: the tabs of one workbook are all read. Undated or equally dated files are
 * all kept, as before (their different values are conflicts).
 */
function supersededReports(placed: Placed[], several: boolean): SetAside[] {
  if (!several) return [];
  const groups = new Map<string, Placed[]>();
  for (const p of placed) {
    if (!p.unit || !p.period || p.input < 0 || p.report.check.whole) continue;
    const key = `${p.unit}\u0000${p.period}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const out: SetAside[] = [];
  for (const group of groups.values()) {
    if (new Set(group.map((p) => p.input)).size < 2) continue;
    const dates = group.map((p) => reportDateOf(p.report.check));
    if (dates.some((d) => d === null)) continue;
    const last = dates.reduce((a, b) => (b! > a! ? b : a))!;
    const winners = group.filter((_, i) => dates[i] === last);
    if (new Set(winners.map((p) => p.input)).size > 1) continue;
    for (const p of group)
      if (p.input !== winners[0].input)
        out.push({ placed: p, finding: setAsideFinding(p, winners[0]) });
  }
  return out;
}

/**
 * The inputs with only the sheets `keep` accepts (a table of units as rows stays when one of its
 * units' rows is kept); an input left with none is dropped, unless it had no monitoring sheet and
 * `unread` keeps such inputs (to be listed as unreadable).
 */
function selectSheets(
  inputs: ConsolidationInput[],
  placed: Placed[],
  keep: (p: Placed) => boolean,
  unread: boolean
): ConsolidationInput[] {
  const out: ConsolidationInput[] = [];
  inputs.forEach((input, i) => {
    const mine = placed.filter((p) => p.input === i);
    if (!mine.length) {
      if (unread) out.push(input);
      return;
    }
    const kept = new Set(mine.filter(keep).map((p) => p.sheet));
    if (!kept.size) return;
    const dropped = new Set(mine.map((p) => p.sheet).filter((s) => !kept.has(s)));
    if (!dropped.size) out.push(input);
    else
      out.push({
        ...input,
        grids: { ...input.grids, sheets: input.grids.sheets.filter((s) => !dropped.has(s.name)) },
      });
  });
  return out;
}

/**
 * What the latest period's consolidation reads: its own sheets, and of a unit that sent none of
 * them its sheets of its latest earlier period (not reported, with period_mismatch). Sheets of a
 * later period, or without one, stay as in a single period's consolidation.
 */
function latestKeeps(placed: Placed[], latest: string, aside: Set<Placed>): (p: Placed) => boolean {
  const lastOfUnit = new Map<string, string>();
  for (const p of placed) {
    if (!p.unit || !p.period || aside.has(p) || p.period > latest) continue;
    if (!(lastOfUnit.get(p.unit)! >= p.period)) lastOfUnit.set(p.unit, p.period);
  }
  return (p) => {
    if (aside.has(p)) return false;
    if (!p.unit || !p.period || p.period >= latest) return true;
    return lastOfUnit.get(p.unit) === p.period;
  };
}

/** The 趋势 sheet after 汇总, and each unit's earlier scores in 填报情况. */
function withHistorySheets(
  result: ConsolidationResult,
  history: ConsolidationHistory,
  target: ConsolidateOptions["target"]
): WritePlan {
  const sheets = result.plan.sheets.map((s) =>
    replacedSheetBase(s.name) === "填报情况" ? withScoreHistory(s, history) : s
  );
  const at = sheets.findIndex((s) => replacedSheetBase(s.name) === CONSOLIDATION_SHEET);
  sheets.splice(at + 1, 0, trendSheet(history, result.catalogue!));
  const plan = { ...result.plan, sheets };
  return target ? placeProductSheets(plan, target) : plan;
}

/**
 * consolidate() over inputs that may hold several periods: the latest consolidated as usual, with
 * the history of the earlier ones (`history`, the 趋势 sheet, scores per period in 填报情况).
 */
export function consolidateHistory(
  inputs: ConsolidationInput[],
  opts: ConsolidateOptions = {}
): HistoryConsolidation {
  const first = consolidate(inputs, opts);
  const catalogue = first.catalogue;
  if (!catalogue || !first.asOf) return { ...first, history: null };
  const placed = placeReports(inputs, first.reports);
  const periods = historyPeriods(placed);
  const latest = opts.asOf ?? periods[periods.length - 1] ?? first.asOf;
  const earlier = periods.filter((d) => d < latest);
  const setAside = supersededReports(placed, inputs.length > 1);
  if (!earlier.length && !setAside.length && latest === first.asOf)
    return { ...first, history: null };

  const aside = new Set(setAside.map((s) => s.placed));
  const tabs = inputs.length === 1 && !inputs[0].file ? inputs[0].grids : undefined;
  const own = { ...opts, catalogue, target: opts.target ?? tabs };
  const latestInputs = selectSheets(inputs, placed, latestKeeps(placed, latest, aside), true);
  const findings = setAside.map((s) => s.finding);
  const result = consolidate(latestInputs, { ...own, period: latest, findings });
  if (!earlier.length) return { ...result, history: null };

  const runs = earlier.map((period) =>
    consolidate(
      selectSheets(inputs, placed, (p) => p.period === period && !aside.has(p), false),
      { catalogue, approvals: opts.approvals, period }
    )
  );
  const history = historyOf([...runs, result], findings);
  return { ...result, plan: withHistorySheets(result, history, own.target), history };
}
