/**
 * What the bulletin is made from, read back from a workbook `consolidate` wrote (docs/bulletin.md):
 * its 汇总 (the city's figures and scores), 填报情况 (who reported) and 校验结果 (the findings), found
 * by their headers. The units' earlier values are not in these sheets, so a bulletin made from a
 * consolidated workbook has no change since the previous period; one made from the units' files has.
 */
import { cellText, type Cell, type SheetGrid, type WorkbookGrids } from "../core/model/cells";
import type { Catalogue } from "../core/model/catalogue";
import type { Finding, IndicatorResult, RuleId, Scores, Status } from "../core/model/results";
import { STATUS_STYLE } from "../core/score";
import { isProductMade, replacedSheetBase } from "../core/plan/product-sheet";
import { expectedIndicators } from "../core/consolidate/completeness";
import { sameUnit } from "../core/read/match";
import { SHEET_NAME } from "../core/i18n/sheet-names";
import { GAP_HEADER, OVERALL_SCORE, PROJECTION_MEETS } from "../core/i18n/gap-labels";
import {
  APPROVAL_LABEL,
  COMPLETENESS_HEADER as U,
  ON_TIME_WORD,
  REPORT_STATUS_LABEL,
  UNIT_KIND_LABEL,
  labelWord,
} from "../core/i18n/completeness-labels";
import { FINDINGS_HEADER as F, SEVERITY_WORD } from "../core/i18n/findings-labels";
import type { BulletinSource, UnitRow } from "./model";

const G = GAP_HEADER;

function productSheet(wb: WorkbookGrids, base: string): SheetGrid | undefined {
  return wb.sheets.find((s) => replacedSheetBase(s.name) === base && isProductMade(s));
}

/** A workbook holding the product's 汇总 and 填报情况: a consolidation already made. */
export function isConsolidatedWorkbook(wb: WorkbookGrids): boolean {
  return (
    !!productSheet(wb, SHEET_NAME.consolidation) && !!productSheet(wb, SHEET_NAME.completeness)
  );
}

/** The header row (the first with every one of `headers`) and each header's column. */
function table(
  grid: SheetGrid,
  headers: string[]
): { row: number; col: Map<string, number> } | null {
  for (let r = 0; r < Math.min(grid.rows.length, 40); r++) {
    // Array.from, not map: a row with empty cells between tables (charts' data beside) has holes.
    const texts = Array.from(grid.rows[r] ?? [], (c) => cellText(c));
    if (headers.every((h) => texts.includes(h)))
      return { row: r, col: new Map(texts.map((t, i) => [t, i] as [string, number]).reverse()) };
  }
  return null;
}

const empty = (t: string) => t === "" || t === "—";

function num(c: Cell | undefined): number | null {
  const v = c?.value;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const t = cellText(c);
  return empty(t) || !Number.isFinite(Number(t)) ? null : Number(t);
}

/** "▲ 滞后" → lagging. */
function statusOf(text: string): Status {
  const word = text.replace(/^\S+\s+/, "");
  const hit = (Object.keys(STATUS_STYLE) as Status[]).find(
    (s) => STATUS_STYLE[s].zh === word || STATUS_STYLE[s].zh === text
  );
  return hit ?? "no_data";
}

type Reader = (row: (Cell | undefined)[], header: string) => Cell | undefined;

function readerOf(col: Map<string, number>): Reader {
  return (row, header) => {
    const i = col.get(header);
    return i === undefined ? undefined : row[i];
  };
}

function readScores(grid: SheetGrid, headerRow: number): Scores {
  const scores: Scores = { overall: null, categories: {} };
  let inBlock = false;
  for (let r = 0; r < headerRow; r++) {
    const row = grid.rows[r] ?? [];
    const label = cellText(row[0]);
    if (label.startsWith(OVERALL_SCORE.zh)) {
      scores.overall = num(row[2]);
      inBlock = true;
    } else if (inBlock && label) {
      const v = num(row[2]);
      if (v !== null) scores.categories[label] = v;
    } else if (inBlock) inBlock = false;
  }
  return scores;
}

function readIndicators(
  grid: SheetGrid,
  catalogue: Catalogue
): { indicators: IndicatorResult[]; scores: Scores; period: string | null; asOf: string | null } {
  const t = table(grid, [G.code, G.name, G.status]);
  if (!t)
    return { indicators: [], scores: { overall: null, categories: {} }, period: null, asOf: null };
  const get = readerOf(t.col);
  const indicators: IndicatorResult[] = [];
  for (const row of grid.rows.slice(t.row + 1)) {
    if (!row) continue;
    const code = cellText(get(row, G.code));
    if (!code) continue;
    const actualCell = get(row, G.actual);
    const actual = typeof actualCell?.value === "number" ? actualCell.value : null;
    const res: IndicatorResult = {
      code,
      name: cellText(get(row, G.name)),
      category: cellText(get(row, G.category)),
      sheet: grid.name,
      unit: cellText(get(row, G.unit)),
      baseline: num(get(row, G.baseline)),
      target: num(get(row, G.target)),
      actual,
      completion: num(get(row, G.completion)),
      progress: num(get(row, G.progress)),
      schedule: num(get(row, G.schedule)),
      gap: num(get(row, G.gap)),
      requiredGrowth: num(get(row, G.requiredGrowth)),
      projection: num(get(row, G.projection)),
      projectionMeets: projectionMeets(cellText(get(row, G.projectionMeets))),
      status: statusOf(cellText(get(row, G.status))),
      score: num(get(row, G.score)),
      weight: catalogue.indicators.find((i) => i.code === code)?.weight ?? 1,
    };
    if (actual === null && !empty(cellText(actualCell))) res.actualText = cellText(actualCell);
    indicators.push(res);
  }
  const subtitle = cellText(grid.rows[1]?.[0]);
  const period = /报告期：(.*?)(　|$)/.exec(subtitle)?.[1] ?? "";
  const asOf = /截至：(\d{4}-\d{2}-\d{2})/.exec(subtitle)?.[1] ?? null;
  return {
    indicators,
    scores: readScores(grid, t.row),
    period: empty(period) ? null : period,
    asOf,
  };
}

/** "能 / Yes" → true, "不能 / No" → false, by the Chinese word each starts with. */
function projectionMeets(text: string): boolean | null {
  const word = (label: string) => label.split(" / ")[0];
  if (text.startsWith(word(PROJECTION_MEETS.yes))) return true;
  return text.startsWith(word(PROJECTION_MEETS.no)) ? false : null;
}

/** A unit's kind by the word 填报情况 writes for it. */
const KIND: Record<string, UnitRow["kind"]> = Object.fromEntries(
  Object.entries(UNIT_KIND_LABEL).map(([kind, word]) => [word, kind as UnitRow["kind"]])
);

/** The statuses other than reported, in the order they are looked for. */
const NOT_REPORTED: UnitRow["status"][] = [
  "not_reported",
  "period_mismatch",
  "no_period",
  "unrecognised",
];

function reportStatus(text: string): UnitRow["status"] {
  const hit = NOT_REPORTED.find((s) => text.includes(labelWord(REPORT_STATUS_LABEL[s])));
  return hit ?? "reported";
}

/** "✔ 已审核（李明）" → approved; "审核后已修改" is looked for first, as it is not an approval. */
function approvalOf(text: string): UnitRow["approval"] {
  if (text.includes(labelWord(APPROVAL_LABEL.changed))) return "changed";
  return text.includes(labelWord(APPROVAL_LABEL.approved)) ? "approved" : "none";
}

function onTimeOf(text: string): boolean | null {
  if (text.includes(ON_TIME_WORD.onTime)) return true;
  return text.includes(ON_TIME_WORD.late) ? false : null;
}

function unitRow(
  row: (Cell | undefined)[],
  get: Reader,
  catalogue: Catalogue,
  dueDate: string | null
): UnitRow {
  const unit = cellText(get(row, U.unit));
  const kind = KIND[cellText(get(row, U.kind))] ?? "unlisted";
  const count = num(get(row, U.expected)) ?? 0;
  const entry = catalogue.units.find((u) => sameUnit(u.name, unit)) ?? null;
  const codes = expectedIndicators(catalogue, entry, sameUnit).map((i) => i.code);
  const expected =
    codes.length === count ? codes : Array.from({ length: count }, (_, i) => `#${i + 1}`);
  const missingText = cellText(get(row, U.missing));
  const approval = cellText(get(row, U.approval));
  const date = cellText(get(row, U.reportDate));
  return {
    unit,
    kind,
    status: reportStatus(cellText(get(row, U.status))),
    periods: cellText(get(row, U.period))
      .split("、")
      .filter((p) => !empty(p)),
    reportDate: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
    dueDate,
    onTime: onTimeOf(cellText(get(row, U.onTime))),
    errors: num(get(row, U.errors)) ?? 0,
    warnings: num(get(row, U.warnings)) ?? 0,
    approval: approvalOf(approval),
    approvedBy: /（(.+)）/.exec(approval)?.[1] ?? null,
    expected,
    missing: /^全部/.test(missingText)
      ? [...expected]
      : missingText.split("、").filter((m) => !empty(m)),
    score: num(get(row, U.score)),
    rank: num(get(row, U.rank)),
  };
}

function readUnits(
  grid: SheetGrid,
  catalogue: Catalogue
): { units: UnitRow[]; dueDate: string | null; unitOfSource: Record<string, string> } {
  const dueDate = /报送截止：(\d{4}-\d{2}-\d{2})/.exec(cellText(grid.rows[1]?.[0]))?.[1] ?? null;
  const t = table(grid, [U.unit, U.status]);
  const units: UnitRow[] = [];
  const unitOfSource: Record<string, string> = {};
  if (!t) return { units, dueDate, unitOfSource };
  const get = readerOf(t.col);
  for (const row of grid.rows.slice(t.row + 1)) {
    if (!row || !cellText(get(row, U.unit))) continue;
    const u = unitRow(row, get, catalogue, dueDate);
    units.push(u);
    for (const s of cellText(get(row, U.source)).split("；").filter(Boolean))
      unitOfSource[s] = u.unit;
  }
  return { units, dueDate, unitOfSource };
}

function readFindings(grid: SheetGrid | undefined): Finding[] {
  const t = grid && table(grid, [F.severity, F.rule, F.message]);
  if (!grid || !t) return [];
  const get = readerOf(t.col);
  const out: Finding[] = [];
  for (const row of grid.rows.slice(t.row + 1)) {
    const rule = row && cellText(get(row, F.rule));
    if (!row || !rule) continue;
    const where = cellText(get(row, F.sheet));
    const cut = where.lastIndexOf(" / ");
    const f: Finding = {
      rule: rule as RuleId,
      severity: cellText(get(row, F.severity)).includes(SEVERITY_WORD.error.zh)
        ? "error"
        : "warning",
      sheet: cut < 0 ? where : where.slice(cut + 3),
      message: { zh: cellText(get(row, F.message)), en: cellText(get(row, F.messageEn)) },
    };
    if (cut >= 0) f.file = where.slice(0, cut);
    for (const [key, header] of [
      ["cell", F.cell],
      ["indicator", F.indicator],
      ["text", F.text],
    ] as const) {
      const v = cellText(get(row, header));
      if (v) f[key] = v;
    }
    out.push(f);
  }
  return out;
}

/** The bulletin's figures from a consolidated workbook (see isConsolidatedWorkbook). */
export function sourceFromWorkbook(wb: WorkbookGrids, catalogue: Catalogue): BulletinSource {
  const summary = readIndicators(productSheet(wb, SHEET_NAME.consolidation)!, catalogue);
  const units = readUnits(productSheet(wb, SHEET_NAME.completeness)!, catalogue);
  return {
    period: summary.period,
    asOf: summary.asOf,
    dueDate: units.dueDate,
    indicators: summary.indicators,
    scores: summary.scores,
    units: units.units,
    findings: readFindings(productSheet(wb, SHEET_NAME.findings)),
    unitOfSource: units.unitOfSource,
    catalogue,
    previous: null,
  };
}
