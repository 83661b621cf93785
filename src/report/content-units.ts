/**
 * The bulletin's sections about units (docs/bulletin.md): 三、滞后指标督导清单 (each lagging and
 * critical indicator with its responsible unit, gap, required growth and projection), 四、填报和考核情况
 * (who reported, on time, approved; each unit's score and rank) and 五、数据问题 (what is still open).
 */
import type { Finding, IndicatorResult, RuleId } from "../core/model/results";
import type { Indicator } from "../core/model/catalogue";
import type { Block, BulletinSource, TableColumn, TableRow, UnitRow } from "./model";
import {
  DASH,
  actualShown,
  dateZh,
  list,
  pct,
  score1,
  statusWord,
  targetShown,
  value,
  withUnit,
} from "./format";
import { Numbering, cnNumber, paragraph, text } from "./blocks";

/** The deadline most indicators share (the plan's 2023-12-31). */
function deadlineOf(source: BulletinSource): string | null {
  const counts = new Map<string, number>();
  for (const i of source.catalogue.indicators)
    counts.set(i.deadline, (counts.get(i.deadline) ?? 0) + 1);
  return Array.from(counts).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function projectionText(r: IndicatorResult, integer: boolean | undefined): string {
  if (r.projection === null) return DASH;
  return `${value(r.projection, { integer })}（${r.projectionMeets ? "能达标" : "难以达标"}）`;
}

const SUPERVISION_COLUMNS: TableColumn[] = [
  { header: "序号", width: 6, align: "center" },
  { header: "指标", width: 20 },
  { header: "责任单位", width: 13, align: "center" },
  { header: "状态", width: 11, align: "center" },
  { header: "完成值/目标值", width: 14, align: "center" },
  { header: "差距", width: 11, align: "right" },
  { header: "所需年均增速", width: 11, align: "right" },
  { header: "预计期末值", width: 14, align: "center" },
];

function supervisionTable(
  weak: IndicatorResult[],
  byCode: Map<string, Indicator>,
  deadline: string | null,
  n: Numbering
): Block {
  const rows: TableRow[] = weak.map((r, i) => {
    const ind = byCode.get(r.code);
    return {
      cells: [
        String(i + 1),
        `${r.code} ${r.name}`,
        ind?.owner ?? DASH,
        statusWord(r.status),
        `${actualShown(r, ind)} / ${targetShown(r, ind)}`,
        withUnit(r.gap, r.unit, ind, true),
        pct(r.requiredGrowth),
        projectionText(r, ind?.integer),
      ],
      status: r.status,
    };
  });
  return n.table("滞后指标督导清单", SUPERVISION_COLUMNS, rows, {
    statusColumn: 3,
    note:
      `注：所需年均增速为自本期至${deadline ? dateZh(deadline) : "期末"}达到目标值所需的年均增长率（本期为0时无法计算）；` +
      "预计期末值按各期数据的线性趋势推算。",
  });
}

/** "请市科技局（C2、C6）、……逐项分析滞后原因": the responsible units, each with its indicators. */
function ownersAsked(weak: IndicatorResult[], byCode: Map<string, Indicator>): Block {
  const owners = new Map<string, string[]>();
  for (const r of weak) {
    const owner = byCode.get(r.code)?.owner ?? DASH;
    owners.set(owner, [...(owners.get(owner) ?? []), r.code]);
  }
  return paragraph(
    `请${Array.from(owners, ([o, codes]) => `${o}（${list(codes)}）`).join("、")}逐项分析滞后原因，` +
      "制定整改措施，明确完成时限，并在下季度报送数据时一并报告整改进展。"
  );
}

export function supervisionSection(source: BulletinSource, n: Numbering): Block[] {
  const byCode = new Map(source.catalogue.indicators.map((i) => [i.code, i]));
  const weak = [
    ...source.indicators.filter((r) => r.status === "critical"),
    ...source.indicators.filter((r) => r.status === "lagging"),
  ];
  const deadline = deadlineOf(source);
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "三、滞后指标督导清单" }];
  if (!weak.length) {
    blocks.push(paragraph("对照序时进度，本期无滞后和严重滞后指标。"));
    return blocks;
  }
  const critical = weak.filter((r) => r.status === "critical").length;
  const unlikely = weak.filter((r) => r.projectionMeets === false).map((r) => r.code);
  blocks.push(
    paragraph(
      `对照序时进度，严重滞后指标${critical}项、滞后指标${weak.length - critical}项（表${n.nextTable()}），需加大督导检查力度。` +
        (unlikely.length
          ? `按各期数据的趋势推算，其中${list(unlikely)}到${deadline ? dateZh(deadline) : "期末"}仍难以达到目标。`
          : "")
    )
  );
  blocks.push(supervisionTable(weak, byCode, deadline, n));
  blocks.push(ownersAsked(weak, byCode));
  return blocks;
}

const REPORT_WORD: Record<UnitRow["status"], string> = {
  reported: "已报送",
  not_reported: "未报送",
  period_mismatch: "报告期不符",
  no_period: "未填报告期",
  unrecognised: "无法识别",
};
const KIND_WORD: Record<UnitRow["kind"], string> = {
  bureau: "市直部门",
  township: "乡镇",
  street: "街道",
  other: "其他",
  unlisted: "名单外",
};
const APPROVAL_WORD: Record<UnitRow["approval"], string> = {
  approved: "已审核",
  changed: "审核后修改",
  none: "未审核",
};

function daysLate(u: UnitRow): number | null {
  return u.reportDate && u.dueDate
    ? Math.round((Date.parse(u.reportDate) - Date.parse(u.dueDate)) / 86_400_000)
    : null;
}

export function onTimeWord(u: UnitRow): string {
  if (u.onTime === true) return "按时";
  if (u.onTime === false) return `逾期${daysLate(u) ?? ""}天`;
  return u.status === "reported" ? "未填报出日期" : DASH;
}

/** "14个（伊合昂街道、佐盖多玛乡）" */
const named = (us: UnitRow[], show = true) =>
  `${us.length}个${show && us.length ? `（${list(us.map((u) => u.unit))}）` : ""}`;

function reportingText(listed: UnitRow[], source: BulletinSource): string {
  const reported = listed.filter((u) => u.status === "reported" || u.status === "no_period");
  const late = reported.filter((u) => u.onTime === false);
  const undated = reported.filter((u) => u.onTime === null);
  const missing = listed.filter((u) => u.status === "not_reported");
  const other = listed.filter((u) => u.status === "period_mismatch");
  const changed = listed.filter((u) => u.approval === "changed");
  const parts = [
    `本期应报单位${listed.length}个，已报送${reported.length}个，其中按时报送${reported.filter((u) => u.onTime === true).length}个` +
      `${late.length ? `、逾期${named(late)}` : ""}${undated.length ? `、未填报出日期${named(undated)}` : ""}`,
    missing.length ? `未报送${named(missing)}` : "",
    other.length
      ? `报送非本期报表${other.length}个（${list(other.map((u) => `${u.unit}报送的是${u.periods.join("、") || "其他期"}报表`))}），未纳入汇总`
      : "",
  ].filter(Boolean);
  const due = source.dueDate ? `报送截止日期为${dateZh(source.dueDate)}。` : "";
  return (
    `${due}${parts.join("；")}。已审核${listed.filter((u) => u.approval === "approved").length}个` +
    `${changed.length ? `，审核后数据又有修改${named(changed)}，需重新审核` : ""}。`
  );
}

function unitTableRow(u: UnitRow): TableRow {
  const missing =
    u.missing.length === 0
      ? "无"
      : u.missing.length === u.expected.length && u.expected.length > 1
        ? `全部${u.expected.length}项`
        : u.missing.length <= 4
          ? list(u.missing)
          : `${u.missing.length}项`;
  return {
    cells: [
      u.rank === null ? DASH : String(u.rank),
      u.unit,
      KIND_WORD[u.kind],
      REPORT_WORD[u.status],
      onTimeWord(u),
      APPROVAL_WORD[u.approval],
      missing,
      score1(u.score),
    ],
  };
}

export function reportingSection(source: BulletinSource, n: Numbering): Block[] {
  const listed = source.units.filter((u) => u.kind !== "unlisted");
  const others = source.units.filter((u) => u.kind === "unlisted");
  // By rank, unranked last; equal ranks in 填报情况's order.
  const ordered = [...listed].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const top = ordered
    .filter((u) => u.rank !== null && u.rank <= 3)
    .map((u) => `${u.unit}（${score1(u.score)}分）`);
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "四、填报和考核情况" },
    paragraph(
      reportingText(listed, source) +
        (others.length
          ? `另有名单外单位或无法识别的文件${others.length}个（${list(others.map((u) => u.unit))}）。`
          : "")
    ),
    paragraph(
      `各单位得分为其负责和填报指标的加权得分，未报指标计0分（表${n.nextTable()}），按实施方案要求纳入年度考核。` +
        (top.length ? `排名前列的是${list(top)}。` : "")
    ),
    n.table(
      "各单位填报和考核情况",
      [
        { header: "排名", width: 7, align: "center" },
        { header: "单位", width: 24 },
        { header: "类型", width: 11.5, align: "center" },
        { header: "报送情况", width: 12, align: "center" },
        { header: "按时报送", width: 13.5, align: "center" },
        { header: "审核", width: 11.5, align: "center" },
        { header: "缺报指标", width: 12, align: "center" },
        { header: "得分", width: 8.5, align: "right" },
      ],
      ordered.map(unitTableRow)
    ),
  ];
  return blocks;
}

/** Names of the other warnings, for the closing count. */
const RULE_WORD: Partial<Record<RuleId, string>> = {
  period_mismatch: "报告期不符",
  not_responsible: "非责任单位填报",
  outlier_jump: "数值异常波动",
  missing_value: "缺少数值",
  cumulative_decreased: "累计值下降",
  target_changed: "目标值变动",
  baseline_changed: "基期值变动",
  likely_fraction_percent: "百分比疑似小数",
  remark_required: "缺少说明",
  total_mismatch: "合计不符",
  column_guessed: "列识别存疑",
  inconsistent_ratio: "比值不一致",
};

/** At most this many items of a kind are listed; the rest are counted. */
const LISTED = 8;

function firstSentence(s: string): string {
  const i = s.indexOf("。");
  return i < 0 ? s : s.slice(0, i + 1);
}

export function findingUnit(f: Finding, source: BulletinSource): string {
  return source.unitOfSource[f.file ? `${f.file}!${f.sheet}` : f.sheet] ?? f.file ?? f.sheet;
}

function findingPlace(f: Finding): string {
  return `${f.file ? `${f.file} ` : ""}${f.sheet}${f.cell ? `!${f.cell}` : ""}`;
}

function problemItems(findings: Finding[], source: BulletinSource, withWho: boolean): Block[] {
  const items = findings
    .slice(0, LISTED)
    .map((f, i) =>
      paragraph(
        `${i + 1}. `,
        withWho ? text(`${findingUnit(f, source)}（${findingPlace(f)}）：`) : text(""),
        firstSentence(f.message.zh)
      )
    );
  if (findings.length > LISTED)
    items.push(paragraph(`另有${findings.length - LISTED}条，见汇总工作簿“校验结果”表。`));
  return items;
}

export function dataProblemsSection(source: BulletinSource): Block[] {
  const errors = source.findings.filter((f) => f.severity === "error");
  const conflicts = source.findings.filter((f) => f.rule === "conflicting_values");
  const changed = source.findings.filter((f) => f.rule === "changed_after_approval");
  const rest = source.findings.filter(
    (f) => f.severity === "warning" && !conflicts.includes(f) && !changed.includes(f)
  );
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "五、尚待解决的数据问题" }];
  if (!errors.length && !conflicts.length && !changed.length) {
    blocks.push(
      paragraph(
        `汇总校验未发现须更正的数据错误、数值冲突或审核后修改${rest.length ? `，另有提示${rest.length}条` : ""}。`
      )
    );
    return blocks;
  }
  blocks.push(
    paragraph(
      `汇总校验发现数据错误${errors.length}条、数值冲突${conflicts.length}条、审核后修改${changed.length}条，请有关单位核实更正后重新报送。`
    )
  );
  const kinds: [[string, string], Finding[], boolean][] = [
    [["数据错误", "须更正后重新报送"], errors, true],
    [["数值冲突", "汇总暂采用责任单位数值"], conflicts, false],
    [["审核后修改", "须重新审核"], changed, true],
  ];
  let k = 0;
  for (const [title, list1, withWho] of kinds) {
    if (!list1.length) continue;
    k += 1;
    blocks.push({
      kind: "heading",
      level: 2,
      text: `（${cnNumber(k)}）${title[0]}${list1.length}条（${title[1]}）`,
    });
    blocks.push(...problemItems(list1, source, withWho));
  }
  if (rest.length) {
    const names = Array.from(new Set(rest.map((f) => RULE_WORD[f.rule] ?? "其他"))).join("、");
    blocks.push(paragraph(`此外还有提示${rest.length}条（${names}），见汇总工作簿“校验结果”表。`));
  }
  return blocks;
}
