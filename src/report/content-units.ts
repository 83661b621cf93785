/**
 * The bulletin's sections about units (docs/bulletin.md): 三、滞后指标督导清单 (each lagging and
 * critical indicator with its responsible unit, gap, required growth and projection), 四、填报和考核情况
 * (who reported, on time, approved; each unit's score and rank) and 五、数据问题 (what is still open).
 */
import type { Finding, IndicatorResult } from "../core/model/results";
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
import { Numbering, paragraph, text } from "./blocks";
import { BULLETIN_CAPTION, BULLETIN_FIGURE, BULLETIN_HEADER } from "../core/i18n/bulletin-labels";
import {
  APPROVAL_WORD,
  KIND_WORD,
  ON_TIME_TEXT,
  OTHER_RULE_WORD,
  PROBLEMS_TEXT,
  REPORTING_TEXT,
  REPORT_WORD,
  RULE_WORD,
  SUPERVISION_TEXT,
} from "../core/i18n/bulletin-units-messages";
import { COMPLETENESS_HEADER } from "../core/i18n/completeness-labels";
import { GAP_HEADER } from "../core/i18n/gap-labels";

/** The deadline most indicators share (the plan's 2023-12-31). */
function deadlineOf(source: BulletinSource): string | null {
  const counts = new Map<string, number>();
  for (const i of source.catalogue.indicators)
    counts.set(i.deadline, (counts.get(i.deadline) ?? 0) + 1);
  return Array.from(counts).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function projectionText(r: IndicatorResult, integer: boolean | undefined): string {
  if (r.projection === null) return DASH;
  return SUPERVISION_TEXT.projection(value(r.projection, { integer }), r.projectionMeets === true);
}

const SUPERVISION_COLUMNS: TableColumn[] = [
  { header: BULLETIN_HEADER.no, width: 6, align: "center" },
  { header: BULLETIN_HEADER.indicator, width: 20 },
  { header: BULLETIN_HEADER.owner, width: 13, align: "center" },
  { header: GAP_HEADER.status, width: 11, align: "center" },
  { header: BULLETIN_HEADER.actualOfTarget, width: 14, align: "center" },
  { header: GAP_HEADER.gap, width: 11, align: "right" },
  { header: GAP_HEADER.requiredGrowth, width: 11, align: "right" },
  { header: GAP_HEADER.projection, width: 14, align: "center" },
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
  return n.table(SUPERVISION_TEXT.table, SUPERVISION_COLUMNS, rows, {
    statusColumn: 3,
    note: SUPERVISION_TEXT.note(SUPERVISION_TEXT.deadline(deadline ? dateZh(deadline) : null)),
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
    SUPERVISION_TEXT.asked(
      Array.from(owners, ([o, codes]) => BULLETIN_FIGURE.named(o, list(codes)))
    )
  );
}

export function supervisionSection(source: BulletinSource, n: Numbering): Block[] {
  const byCode = new Map(source.catalogue.indicators.map((i) => [i.code, i]));
  const weak = [
    ...source.indicators.filter((r) => r.status === "critical"),
    ...source.indicators.filter((r) => r.status === "lagging"),
  ];
  const deadline = deadlineOf(source);
  const blocks: Block[] = [{ kind: "heading", level: 1, text: SUPERVISION_TEXT.heading }];
  if (!weak.length) {
    blocks.push(paragraph(SUPERVISION_TEXT.none));
    return blocks;
  }
  const critical = weak.filter((r) => r.status === "critical").length;
  const unlikely = weak.filter((r) => r.projectionMeets === false).map((r) => r.code);
  const end = SUPERVISION_TEXT.deadline(deadline ? dateZh(deadline) : null);
  blocks.push(
    paragraph(
      SUPERVISION_TEXT.behind(critical, weak.length - critical, n.nextTable()) +
        (unlikely.length ? SUPERVISION_TEXT.unlikely(list(unlikely), end) : "")
    )
  );
  blocks.push(supervisionTable(weak, byCode, deadline, n));
  blocks.push(ownersAsked(weak, byCode));
  return blocks;
}

function daysLate(u: UnitRow): number | null {
  return u.reportDate && u.dueDate
    ? Math.round((Date.parse(u.reportDate) - Date.parse(u.dueDate)) / 86_400_000)
    : null;
}

export function onTimeWord(u: UnitRow): string {
  if (u.onTime === true) return ON_TIME_TEXT.onTime;
  if (u.onTime === false) return ON_TIME_TEXT.late(daysLate(u));
  return u.status === "reported" ? ON_TIME_TEXT.noDate : DASH;
}

const names = (us: UnitRow[]) => us.map((u) => u.unit);

function reportingText(listed: UnitRow[], source: BulletinSource): string {
  const reported = listed.filter((u) => u.status === "reported" || u.status === "no_period");
  const late = reported.filter((u) => u.onTime === false);
  const undated = reported.filter((u) => u.onTime === null);
  const missing = listed.filter((u) => u.status === "not_reported");
  const other = listed.filter((u) => u.status === "period_mismatch");
  const changed = listed.filter((u) => u.approval === "changed");
  const parts = [
    REPORTING_TEXT.reported({
      listed: listed.length,
      reported: reported.length,
      onTime: reported.filter((u) => u.onTime === true).length,
      late: names(late),
      undated: names(undated),
    }),
    missing.length ? REPORTING_TEXT.notReported(names(missing)) : "",
    other.length
      ? REPORTING_TEXT.otherPeriod(
          other.map((u) => REPORTING_TEXT.otherPeriodSent(u.unit, u.periods.join("、")))
        )
      : "",
  ].filter(Boolean);
  const due = source.dueDate ? REPORTING_TEXT.due(dateZh(source.dueDate)) : "";
  const approved = listed.filter((u) => u.approval === "approved").length;
  return REPORTING_TEXT.sentence(due, parts, approved, names(changed));
}

function unitTableRow(u: UnitRow): TableRow {
  const missing =
    u.missing.length === 0
      ? REPORTING_TEXT.noneMissing
      : u.missing.length === u.expected.length && u.expected.length > 1
        ? REPORTING_TEXT.allMissing(u.expected.length)
        : u.missing.length <= 4
          ? list(u.missing)
          : REPORTING_TEXT.missingCount(u.missing.length);
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
    .map((u) => BULLETIN_FIGURE.named(u.unit, BULLETIN_FIGURE.score(score1(u.score))));
  const U = COMPLETENESS_HEADER;
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: REPORTING_TEXT.heading },
    paragraph(
      reportingText(listed, source) + (others.length ? REPORTING_TEXT.others(names(others)) : "")
    ),
    paragraph(REPORTING_TEXT.scores(n.nextTable()) + (top.length ? REPORTING_TEXT.top(top) : "")),
    n.table(
      REPORTING_TEXT.table,
      [
        { header: U.rank, width: 7, align: "center" },
        { header: U.unit, width: 24 },
        { header: U.kind, width: 11.5, align: "center" },
        { header: U.status, width: 12, align: "center" },
        { header: U.onTime, width: 13.5, align: "center" },
        { header: U.approval, width: 11.5, align: "center" },
        { header: U.missing, width: 12, align: "center" },
        { header: U.score, width: 8.5, align: "right" },
      ],
      ordered.map(unitTableRow)
    ),
  ];
  return blocks;
}

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
        withWho ? text(PROBLEMS_TEXT.where(findingUnit(f, source), findingPlace(f))) : text(""),
        firstSentence(f.message.zh)
      )
    );
  if (findings.length > LISTED) items.push(paragraph(PROBLEMS_TEXT.more(findings.length - LISTED)));
  return items;
}

export function dataProblemsSection(source: BulletinSource): Block[] {
  const errors = source.findings.filter((f) => f.severity === "error");
  const conflicts = source.findings.filter((f) => f.rule === "conflicting_values");
  const changed = source.findings.filter((f) => f.rule === "changed_after_approval");
  const rest = source.findings.filter(
    (f) => f.severity === "warning" && !conflicts.includes(f) && !changed.includes(f)
  );
  const blocks: Block[] = [{ kind: "heading", level: 1, text: PROBLEMS_TEXT.heading }];
  if (!errors.length && !conflicts.length && !changed.length) {
    blocks.push(paragraph(PROBLEMS_TEXT.none(rest.length)));
    return blocks;
  }
  blocks.push(paragraph(PROBLEMS_TEXT.found(errors.length, conflicts.length, changed.length)));
  const kinds: [readonly [string, string], Finding[], boolean][] = [
    [PROBLEMS_TEXT.errors, errors, true],
    [PROBLEMS_TEXT.conflicts, conflicts, false],
    [PROBLEMS_TEXT.changed, changed, true],
  ];
  let k = 0;
  for (const [title, list1, withWho] of kinds) {
    if (!list1.length) continue;
    k += 1;
    blocks.push({
      kind: "heading",
      level: 2,
      text: BULLETIN_CAPTION.subheading(k, PROBLEMS_TEXT.kind(title[0], list1.length, title[1])),
    });
    blocks.push(...problemItems(list1, source, withWho));
  }
  if (rest.length) {
    const words = Array.from(new Set(rest.map((f) => RULE_WORD[f.rule] ?? OTHER_RULE_WORD)));
    blocks.push(paragraph(PROBLEMS_TEXT.otherWarnings(rest.length, words.join("、"))));
  }
  return blocks;
}
