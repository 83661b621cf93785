/**
 * What the command line (indicator-tracker, docs/specification.md §10) prints as it works and when
 * it is done: its progress, and the summary of each command for a person at a terminal, Chinese and
 * English side by side. Its errors and help are in cli-messages.ts.
 */

/** A line rewritten in place on a terminal while long work goes on. */
export const CLI_PROGRESS = {
  reading: (file: string) => `读取 reading ${file}`,
  readingOf: (i: number, count: number, name: string) => `读取 reading ${i}/${count} ${name}`,
  validating: (file: string) => `校验 validating ${file}`,
  analysing: (file: string) => `分析 analysing ${file}`,
  writing: (file: string) => `写入 writing ${file}`,
  writingBulletin: "生成通报 writing the bulletin",
};

/** Lines every command that reads units' sheets prints: the findings and where the result went. */
export const FINDINGS_OUTPUT = {
  counts: (errors: number, warnings: number) =>
    `  错误 ${errors} · 提示 ${warnings}   (errors ${errors}, warnings ${warnings})`,
  /** "[错误] 表!C5 rule: message"; `severity` is the severity's word. */
  finding: (severity: string, where: string, rule: string, message: string) =>
    `  [${severity}] ${where} ${rule}: ${message}`,
  moreFindings: (n: number) => `  … ${n} more / 另有 ${n} 条`,
  written: (target: string) => `  → ${target}`,
};

/** validate and analyse: what was read in a workbook, its score, and sheets of the user's kept. */
export const CHECK_OUTPUT = {
  validated: (file: string) => `校验 ${file}`,
  analysed: (file: string) => `分析 ${file}`,
  sheet: (sheet: string, unit: string | null, period: string | null, rows: number) =>
    `  ${sheet}: ${unit ?? "(未填单位)"} · ${period ?? "(无报告期)"} · ${rows} 行指标`,
  overallScore: (score: string) => `  综合得分 overall score: ${score}`,
  ownRulesSheet: (file: string, sheet: string, rulesFile: string) =>
    `indicator-tracker: ${file} 有自己的“${sheet}”表，按该表校验，未使用 --rules ${rulesFile} / ${file} has its own ${sheet} sheet, which is used instead of --rules`,
  movedSheet: (from: string, to: string) =>
    `  已有名为“${from}”的用户工作表，未覆盖；结果写入“${to}” / a sheet of yours is named ${from}; it was left as it is and the results are in ${to}`,
};

/** consolidate and report: the period, who reported, the findings and the city's score. */
export const CONSOLIDATION_OUTPUT = {
  consolidated: (files: number) => `汇总 consolidate ${files} 个文件 files`,
  reported: (files: number) => `监测通报 report ${files} 个文件 files`,
  period: (period: string, asOf: string, due: string) =>
    `  报告期 ${period} · 截至 ${asOf} · 报送截止 ${due}`,
  /** A consolidated workbook read back: its period and date, without the due date. */
  periodAsOf: (period: string, asOf: string) => `  报告期 ${period} · 截至 ${asOf}`,
  units: (listed: number, reported: number, approved: number) =>
    `  应报 ${listed} 个单位，已报 ${reported}，已审核 ${approved}` +
    `   (units expected ${listed}, reported ${reported})`,
  notReported: (units: string) => `  未报送 not reported: ${units}`,
  otherPeriod: (units: string) => `  报告期不符 other period: ${units}`,
  /** A unit that sent another period's sheet: "卡加道乡(2022年第二季度)". */
  unitPeriods: (unit: string, periods: string) => `${unit}(${periods})`,
  cityScore: (score: string) => `  全市综合得分 city score: ${score}`,
  trend: (count: number, scores: string[]) =>
    `  趋势 ${count} 期 (trend, ${count} periods): ${scores.join(" → ")}`,
  periodScore: (period: string, score: string) => `${period} ${score}`,
};

/** approve: the approval recorded, or why there is none. */
export const APPROVE_OUTPUT = {
  approved: (a: {
    file: string;
    sheet: string;
    unit: string;
    period: string;
    reviewer: string;
    time: string;
  }) =>
    `已审核 approved: ${a.file} / ${a.sheet} · ${a.unit} · ${a.period} · 审核人 ${a.reviewer} · ${a.time}`,
  details: (warnings: number, version: string, fingerprint: string) =>
    `  提示 ${warnings} · 指标目录版本 ${version} · 数据指纹 ${fingerprint}`,
  recordedIn: (file: string, sheet: string) => `  → ${file} / ${sheet}`,
  notApproved: (zh: string, en: string) => `未审核 not approved: ${zh} / ${en}`,
};

/** rules and template: the sheet checked or written. */
export const RULES_OUTPUT = {
  broken: (file: string, problems: number) =>
    `指标规则有误 ${file}：${problems} 处 / ${problems} problem(s) in the rules sheet`,
  usable: (file: string, indicators: number, units: number, version: string) =>
    `指标规则无误 ${file}：${indicators} 项指标，${units} 个单位，版本 ${version}` +
    ` / the rules sheet is usable: ${indicators} indicators, ${units} units, version ${version}`,
  written: (sheet: string, indicators: number, units: number, version: string, out: string) =>
    `${sheet}：${indicators} 项指标，${units} 个单位，版本 ${version} → ${out}`,
  template: (sheet: string, out: string) => `模板“${sheet}” → ${out}`,
  templates: (count: number, out: string) =>
    `已生成 ${count} 个单位的填报模板 / ${count} unit templates written into ${out}`,
};

/** demo: each sample analysed, then each quarter consolidated, its bulletin and the history. */
export const DEMO_OUTPUT = {
  analysed: (name: string, target: string) => `${name} → ${target}`,
  analysedAll: (count: number, outDir: string) =>
    `${count} workbooks analysed into ${outDir}/ / 已分析 ${count} 个工作簿`,
  consolidationFile: (folder: string) => `${folder}-汇总.xlsx`,
  consolidation: (folder: string, target: string) => `${folder}/ → ${target}  (汇总 consolidation)`,
  bulletinFile: (folder: string) => `${folder}-监测通报.docx`,
  bulletin: (folder: string, target: string) => `${folder}/ → ${target}  (监测通报 bulletin)`,
  historyFile: (first: string, last: string) => `${first}-${last}-汇总.xlsx`,
  history: (folders: string[], target: string) =>
    `${folders.map((f) => `${f}/`).join(" ")} → ${target}  (趋势 history)`,
};
