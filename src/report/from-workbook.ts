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
import type { BulletinSource, UnitRow } from "./model";

function productSheet(wb: WorkbookGrids, base: string): SheetGrid | undefined {
  return wb.sheets.find((s) => replacedSheetBase(s.name) === base && isProductMade(s));
}

/** A workbook holding the product's 汇总 and 填报情况: a consolidation already made. */
export function isConsolidatedWorkbook(wb: WorkbookGrids): boolean {
  return !!productSheet(wb, "汇总") && !!productSheet(wb, "填报情况");
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
    if (label.startsWith("综合得分")) {
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
  const t = table(grid, ["编码", "指标名称", "状态"]);
  if (!t)
    return { indicators: [], scores: { overall: null, categories: {} }, period: null, asOf: null };
  const get = readerOf(t.col);
  const indicators: IndicatorResult[] = [];
  for (const row of grid.rows.slice(t.row + 1)) {
    if (!row) continue;
    const code = cellText(get(row, "编码"));
    if (!code) continue;
    const actualCell = get(row, "本期完成值");
    const actual = typeof actualCell?.value === "number" ? actualCell.value : null;
    const meets = cellText(get(row, "预计能否达标"));
    const res: IndicatorResult = {
      code,
      name: cellText(get(row, "指标名称")),
      category: cellText(get(row, "类别")),
      sheet: grid.name,
      unit: cellText(get(row, "单位")),
      baseline: num(get(row, "基期值")),
      target: num(get(row, "目标值")),
      actual,
      completion: num(get(row, "完成率")),
      progress: num(get(row, "推进进度")),
      schedule: num(get(row, "序时进度")),
      gap: num(get(row, "差距")),
      requiredGrowth: num(get(row, "所需年均增速")),
      projection: num(get(row, "预计期末值")),
      projectionMeets: meets.startsWith("能") ? true : meets.startsWith("不能") ? false : null,
      status: statusOf(cellText(get(row, "状态"))),
      score: num(get(row, "得分")),
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

const KIND: Record<string, UnitRow["kind"]> = {
  市直部门: "bureau",
  乡镇: "township",
  街道: "street",
  其他单位: "other",
  名单外: "unlisted",
};

function reportStatus(text: string): UnitRow["status"] {
  if (text.includes("未报送")) return "not_reported";
  if (text.includes("报告期不符")) return "period_mismatch";
  if (text.includes("未填报告期")) return "no_period";
  if (text.includes("无法识别")) return "unrecognised";
  return "reported";
}

function unitRow(
  row: (Cell | undefined)[],
  get: Reader,
  catalogue: Catalogue,
  dueDate: string | null
): UnitRow {
  const unit = cellText(get(row, "单位"));
  const kind = KIND[cellText(get(row, "类型"))] ?? "unlisted";
  const count = num(get(row, "应报指标")) ?? 0;
  const entry = catalogue.units.find((u) => sameUnit(u.name, unit)) ?? null;
  const codes = expectedIndicators(catalogue, entry, sameUnit).map((i) => i.code);
  const expected =
    codes.length === count ? codes : Array.from({ length: count }, (_, i) => `#${i + 1}`);
  const missingText = cellText(get(row, "缺报指标"));
  const onTime = cellText(get(row, "按时报送"));
  const approval = cellText(get(row, "审核"));
  const date = cellText(get(row, "报出日期"));
  return {
    unit,
    kind,
    status: reportStatus(cellText(get(row, "报送情况"))),
    periods: cellText(get(row, "报告期"))
      .split("、")
      .filter((p) => !empty(p)),
    reportDate: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
    dueDate,
    onTime: onTime.includes("按时") ? true : onTime.includes("逾期") ? false : null,
    errors: num(get(row, "错误")) ?? 0,
    warnings: num(get(row, "提示")) ?? 0,
    approval: approval.includes("审核后已修改")
      ? "changed"
      : approval.includes("已审核")
        ? "approved"
        : "none",
    approvedBy: /（(.+)）/.exec(approval)?.[1] ?? null,
    expected,
    missing: /^全部/.test(missingText)
      ? [...expected]
      : missingText.split("、").filter((m) => !empty(m)),
    score: num(get(row, "得分")),
    rank: num(get(row, "排名")),
  };
}

function readUnits(
  grid: SheetGrid,
  catalogue: Catalogue
): { units: UnitRow[]; dueDate: string | null; unitOfSource: Record<string, string> } {
  const dueDate = /报送截止：(\d{4}-\d{2}-\d{2})/.exec(cellText(grid.rows[1]?.[0]))?.[1] ?? null;
  const t = table(grid, ["单位", "报送情况"]);
  const units: UnitRow[] = [];
  const unitOfSource: Record<string, string> = {};
  if (!t) return { units, dueDate, unitOfSource };
  const get = readerOf(t.col);
  for (const row of grid.rows.slice(t.row + 1)) {
    if (!row || !cellText(get(row, "单位"))) continue;
    const u = unitRow(row, get, catalogue, dueDate);
    units.push(u);
    for (const s of cellText(get(row, "来源")).split("；").filter(Boolean))
      unitOfSource[s] = u.unit;
  }
  return { units, dueDate, unitOfSource };
}

function readFindings(grid: SheetGrid | undefined): Finding[] {
  const t = grid && table(grid, ["严重程度", "规则", "问题说明"]);
  if (!grid || !t) return [];
  const get = readerOf(t.col);
  const out: Finding[] = [];
  for (const row of grid.rows.slice(t.row + 1)) {
    const rule = row && cellText(get(row, "规则"));
    if (!row || !rule) continue;
    const where = cellText(get(row, "工作表"));
    const cut = where.lastIndexOf(" / ");
    const f: Finding = {
      rule: rule as RuleId,
      severity: cellText(get(row, "严重程度")).includes("错误") ? "error" : "warning",
      sheet: cut < 0 ? where : where.slice(cut + 3),
      message: { zh: cellText(get(row, "问题说明")), en: cellText(get(row, "Message")) },
    };
    if (cut >= 0) f.file = where.slice(0, cut);
    for (const [key, header] of [
      ["cell", "单元格"],
      ["indicator", "指标"],
      ["text", "原始内容"],
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
  const summary = readIndicators(productSheet(wb, "汇总")!, catalogue);
  const units = readUnits(productSheet(wb, "填报情况")!, catalogue);
  return {
    period: summary.period,
    asOf: summary.asOf,
    dueDate: units.dueDate,
    indicators: summary.indicators,
    scores: summary.scores,
    units: units.units,
    findings: readFindings(productSheet(wb, "校验结果")),
    unitOfSource: units.unitOfSource,
    catalogue,
    previous: null,
  };
}
