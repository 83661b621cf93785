/**
 * Every text the task pane shows, in Chinese (first) and English.
 * Components take their text from here only (test/taskpane/strings.test.ts checks it);
 * the two tables must have the same keys and the same {placeholders}.
 */

import { OFFICE_NEEDED } from "../../core/i18n/excel-messages";

export type Lang = "zh" | "en";

const zh = {
  appTitle: "指标监测与差距分析",
  switchLanguage: "English",
  switchLanguageLabel: "切换为英文界面",
  fileModeNotice:
    "未检测到 Excel：可在浏览器中检查工作簿（.xlsx、.xls、.et、.ods、.csv），文件不会离开本机。",
  chooseFile: "选择工作簿文件",
  openedFile: "已打开：{name}",
  noFileYet: "尚未选择文件。",
  validateSheet: "校验当前工作表",
  validateWorkbook: "校验全部工作表",
  analyse: "差距分析",
  clearAnnotations: "清除标注",
  download: "下载检查后的文件",
  downloadSuffix: "（已检查）",
  asOfLabel: "截至日期（可选）",
  asOfHint: "留空则按表中的报告期计算。",
  stepOpening: "正在打开文件…",
  stepLoadingReader: "正在加载 Excel 文件读取组件…",
  stepReading: "正在读取工作簿…",
  stepValidating: "正在校验…",
  stepAnalysing: "正在计算得分与差距…",
  stepWriting: "正在把结果写入工作簿…",
  stepClearing: "正在清除标注…",
  stepSaving: "正在生成下载文件…",
  readyHint: "请选择一项操作开始检查。",
  sectionConsolidate: "汇总与审核",
  sectionRules: "指标规则与填报模板",
  stepLoadingSection: "正在加载…",
  clearedNotice: "已清除全部标注，单元格恢复原来的格式。",
  summaryValidate: "校验结果",
  summaryAnalyse: "差距分析结果",
  summaryErrors: "错误",
  summaryWarnings: "警告",
  summaryAsOf: "截至日期",
  summaryAsOfUnknown: "未知",
  summarySheets: "已识别工作表",
  summaryOverall: "总体得分",
  summaryCategories: "分类得分",
  summaryStatuses: "指标状态",
  summaryNoScore: "无可计分指标",
  findingsTitle: "问题清单",
  noFindings: "没有发现问题。",
  severityError: "错误",
  severityWarning: "警告",
  groupNoIndicator: "整表或未识别的指标",
  findingCell: "单元格：{cell}",
  findingText: "原文：“{text}”",
  findingSelect: "在工作表中选中此单元格",
  dismiss: "关闭",
  errorTitle: "操作未完成",
  errorNotWorkbook:
    "这个文件不是可读取的工作簿（.xlsx、.xls、.et、.ods、.csv），或已损坏、设有密码。请在 Excel 或 WPS 中另存为 .xlsx 后再试。",
  errorLoadReader: "无法加载 Excel 文件读取组件，请刷新页面后重试。",
  errorRead: "无法读取工作簿的内容，请确认文件未损坏后重试。",
  errorRun: "检查未能完成，请确认表格格式后重试。",
  errorWrite:
    "结果未能完整写入工作簿（单元格中的数值均未被改动），请重试；再次运行会替换不完整的结果。",
  // The sentence the Excel adapter refuses with (core/i18n/excel-messages.ts).
  errorOfficeTooOld: OFFICE_NEEDED.zh,
  errorWorkbookProtected:
    "工作簿的结构受保护，无法添加或替换“校验结果”等工作表：请在“审阅”选项卡中点“保护工作簿”取消保护（可能需要密码）后重试。",
  noticeUnmarked: "工作表“{sheets}”设有密码保护，未在其单元格上标注；问题已全部列在“校验结果”中。",
  noticeNotCleared:
    "工作表“{sheets}”设有密码保护，其单元格上的标注未能清除：取消保护后再点“清除标注”。",
  noticeFillOnly:
    "有 {count} 个问题单元格已有他人的批注或注释：这些单元格只标了颜色，说明请看“校验结果”。",
  noticeNoCharts:
    "此版本的 Excel 不支持所需的图表功能（ExcelApi 1.8）：“{sheets}”只写入了表格，没有图表；用命令行或浏览器文件模式生成的工作簿带有图表。",
  errorClear: "标注未能清除，请确认工作簿未被保护后重试。",
  errorSelect: "无法选中该单元格，它所在的工作表可能已被删除或改名。",
  errorSave: "无法生成下载文件，请重试。",
  errorActiveSheet: "无法确定当前工作表，请先点击要校验的工作表。",
  excelLimitsTitle: "此版本 Excel 的限制",
  wpsLimitsTitle: "此版本 WPS 的限制",
  errorWpsTooOld:
    "此版本的 WPS 过旧，无法运行本加载项：请使用支持 JS 加载项的 WPS Office 2019 或更高版本。",
  rulesTitle: "指标规则与填报模板",
  rulesHint:
    "“指标规则”表中的目标、基期值、权重、责任单位和单位名单可直接修改，本工作簿的校验与分析即按此表执行。",
  rulesWrite: "写出指标规则表",
  rulesAdded: "已加入“{sheet}”表，可直接修改其中的目标和单位名单。",
  rulesExists: "工作簿中已有“指标规则”表，未作改动；如需恢复默认规则，请先删除或重命名该表。",
  rulesBroken: "“指标规则”表有 {count} 处错误，请先点“校验全部工作表”查看并修正。",
  templateUnit: "填报单位",
  templatePeriod: "报告期",
  templatePeriodHint: "如 2022Q3、2022年第三季度、2022年上半年。",
  templateAdd: "添加填报模板",
  templateAdded: "已添加模板工作表“{sheet}”，可复制给该单位填写。",
  templateUnknownUnit: "“{unit}”不在指标规则的单位名单中，请从列表中选择。",
  templateBadPeriod: "报告期无法识别，请按 2022Q3 或 2022年第三季度 的格式填写。",
  templateNothingToReport: "“{unit}”没有需要填报的指标。",
  templateNoValidation:
    "此版本的 Excel 不支持数据验证（需要 ExcelApi 1.8）：模板仍可添加，但没有下拉选项和输入限制。",
  stepRules: "正在写出指标规则…",
  stepTemplate: "正在生成填报模板…",
  approvalTitle: "审核",
  approvalHint:
    "审核人核对报表后点“审核通过”：有错误的表不能审核。每次审核在“审核记录”表中追加一行（含数据指纹），已有记录不会被改动。",
  reviewerLabel: "审核人姓名",
  reviewerHintExcel: "填写一次即可，本电脑会为您记住（不会保存在工作簿中）。",
  reviewerHintFile: "填写一次即可，本浏览器会记住。",
  approvalSheetLabel: "待审核的工作表",
  approvalCurrentSheet: "当前工作表：{sheet}",
  approvalRecheck: "检查当前工作表",
  approve: "审核通过",
  approvalCounts: "“{sheet}”：错误 {errors} 条，提示 {warnings} 条。",
  approvalStateApproved: "已由 {reviewer} 于 {time} 审核，数据未变。",
  approvalStateChanged: "{reviewer} 于 {time} 审核后数据已被修改，需要重新审核。",
  approvalStateNone: "尚未审核。",
  approvalNeedsReviewer: "请先填写审核人姓名。",
  approvalNoSheet: "没有可审核的监测表。",
  approvalDone: "已审核“{sheet}”，记录已追加到“{log}”表。",
  approvalDoneFile: "已审核“{sheet}”，记录已追加到“{log}”表。请下载文件保存。",
  stepChecking: "正在检查能否审核…",
  stepApproving: "正在写入审核记录…",
  consolidateTitle: "汇总各单位报表",
  consolidateHint:
    "把各单位的监测表汇总为全市数据，写出“汇总”“填报情况”和“校验结果”表；含多个报告期时，汇总最新一期并写出“趋势”表。文件在本机读取，不会上传。",
  consolidateTabs: "汇总本工作簿各表",
  consolidateFiles: "选择各单位文件并汇总…",
  consolidateDone:
    "已汇总 {period}：应报 {expected} 个单位，已报 {reported} 个；错误 {errors} 条，提示 {warnings} 条；全市综合得分 {score}。",
  consolidateNotReported: "未报送：{units}",
  consolidateTrend: "各期综合得分（{count} 期，写入“趋势”表）：{scores}",
  consolidateFilePrefix: "汇总",
  bulletinMake: "生成监测通报（Word）",
  stepBulletin: "正在生成通报…",
  errorBulletin: "通报未能生成，请重试。",
  bulletinEmpty: "本次汇总没有可通报的指标数据。",
  stepConsolidating: "正在汇总…",
  errorConsolidateFile:
    "文件“{name}”无法读取，请确认它是未加密、未损坏的工作簿（.xlsx、.xls、.et、.ods、.csv）。",
  errorApprove: "审核记录未能写入，请确认工作簿未被保护后重试。",
} as const;

export type StringKey = keyof typeof zh;
export type StringTable = Record<StringKey, string>;

const en: StringTable = {
  appTitle: "Indicator monitoring and gap analysis",
  switchLanguage: "中文",
  switchLanguageLabel: "Switch the pane to Chinese",
  fileModeNotice:
    "Excel was not detected: check a workbook (.xlsx, .xls, .et, .ods, .csv) in the browser. The file never leaves this computer.",
  chooseFile: "Choose a workbook file",
  openedFile: "Opened: {name}",
  noFileYet: "No file chosen yet.",
  validateSheet: "Validate this sheet",
  validateWorkbook: "Validate all sheets",
  analyse: "Gap analysis",
  clearAnnotations: "Clear annotations",
  download: "Download the checked file",
  downloadSuffix: " (checked)",
  asOfLabel: "As-of date (optional)",
  asOfHint: "Leave empty to use the sheet's report period.",
  stepOpening: "Opening the file…",
  stepLoadingReader: "Loading the Excel file reader…",
  stepReading: "Reading the workbook…",
  stepValidating: "Validating…",
  stepAnalysing: "Computing scores and gaps…",
  stepWriting: "Writing the results into the workbook…",
  stepClearing: "Clearing the annotations…",
  stepSaving: "Preparing the download…",
  readyHint: "Choose an action to start the check.",
  sectionConsolidate: "Consolidate and approve",
  sectionRules: "Rules and unit templates",
  stepLoadingSection: "Loading…",
  clearedNotice: "All annotations were cleared; the cells have their previous formatting again.",
  summaryValidate: "Validation result",
  summaryAnalyse: "Gap analysis result",
  summaryErrors: "Errors",
  summaryWarnings: "Warnings",
  summaryAsOf: "As of",
  summaryAsOfUnknown: "unknown",
  summarySheets: "Sheets recognised",
  summaryOverall: "Overall score",
  summaryCategories: "Scores by category",
  summaryStatuses: "Indicator statuses",
  summaryNoScore: "no indicator to score",
  findingsTitle: "Findings",
  noFindings: "No problems found.",
  severityError: "Errors",
  severityWarning: "Warnings",
  groupNoIndicator: "Whole sheet or unknown indicator",
  findingCell: "Cell: {cell}",
  findingText: "Text: “{text}”",
  findingSelect: "Select this cell in the sheet",
  dismiss: "Dismiss",
  errorTitle: "Not done",
  errorNotWorkbook:
    "This file is not a readable workbook (.xlsx, .xls, .et, .ods, .csv), or it is damaged or password-protected; save it as .xlsx in Excel or WPS and try again.",
  errorLoadReader: "The Excel file reader could not be loaded; reload the page and try again.",
  errorRead: "The workbook could not be read; check that the file is not damaged and try again.",
  errorRun: "The check could not be completed; check the layout of the sheet and try again.",
  errorWrite:
    "The results could not all be written into the workbook (no cell value was changed); try again, and the run will replace what is incomplete.",
  errorOfficeTooOld: OFFICE_NEEDED.en,
  errorWorkbookProtected:
    "The workbook structure is protected, so result sheets such as the findings sheet cannot be added or replaced: on the Review tab, click Protect Workbook to turn it off (it may ask for the password) and try again.",
  noticeUnmarked:
    "The sheet {sheets} is protected with a password, so its cells were not marked; every finding is listed in the findings sheet.",
  noticeNotCleared:
    "The sheet {sheets} is protected with a password, so its marks were not cleared: unprotect it and clear again.",
  noticeFillOnly:
    "{count} cells with findings already carry a colleague’s comment or note: they are only coloured; read the explanation in the findings sheet.",
  noticeNoCharts:
    "This Excel lacks the chart features needed (ExcelApi 1.8): {sheets} got the tables without charts; workbooks written by the command line or the browser's file mode have them.",
  errorClear:
    "The annotations could not be cleared; check that the workbook is not protected and try again.",
  errorSelect: "The cell could not be selected; its sheet may have been deleted or renamed.",
  errorSave: "The download could not be prepared; please try again.",
  errorActiveSheet: "The current sheet could not be determined; click the sheet to validate first.",
  excelLimitsTitle: "What this Excel cannot do",
  wpsLimitsTitle: "What this WPS cannot do",
  errorWpsTooOld:
    "This version of WPS is too old for the add-in: use a WPS Office 2019 or later that runs JS add-ins.",
  rulesTitle: "Rules and unit templates",
  rulesHint:
    "Targets, baselines, weights, owners and the unit list can be changed in the rules sheet; validation and analysis of this workbook follow it.",
  rulesWrite: "Add the rules sheet",
  rulesAdded: "Added the sheet {sheet}; change its targets and unit list there.",
  rulesExists:
    "The workbook already has a rules sheet and it was left as it is; to start again from the default rules, delete or rename it first.",
  rulesBroken:
    'The rules sheet has {count} errors; use "Validate all sheets" to see and correct them first.',
  templateUnit: "Reporting unit",
  templatePeriod: "Report period",
  templatePeriodHint: "For example 2022Q3 for the third quarter of 2022.",
  templateAdd: "Add a unit template",
  templateAdded: "Added the template sheet {sheet}; copy it to the unit to fill in.",
  templateUnknownUnit: "{unit} is not in the unit list of the rules; choose a unit from the list.",
  templateBadPeriod: "The report period cannot be read; write it as 2022Q3.",
  templateNothingToReport: "{unit} reports no indicator.",
  templateNoValidation:
    "This Excel lacks data validation (ExcelApi 1.8): templates are added without drop-downs or input limits.",
  stepRules: "Writing the rules sheet…",
  stepTemplate: "Making the template…",
  approvalTitle: "Approval",
  approvalHint:
    "Reviewers approve a sheet after checking it; a sheet with errors cannot be approved. Each approval appends a row (with a fingerprint of the data) to the approvals sheet; earlier rows are never changed.",
  reviewerLabel: "Reviewer's name",
  reviewerHintExcel:
    "Enter it once; this computer remembers it for you (it is not saved in the workbook).",
  reviewerHintFile: "Enter it once; this browser remembers it.",
  approvalSheetLabel: "Sheet to approve",
  approvalCurrentSheet: "Current sheet: {sheet}",
  approvalRecheck: "Check the current sheet",
  approve: "Approve",
  approvalCounts: "{sheet}: {errors} errors, {warnings} warnings.",
  approvalStateApproved: "Approved by {reviewer} at {time}; the data have not changed.",
  approvalStateChanged:
    "Approved by {reviewer} at {time}, but the data changed since: approve it again.",
  approvalStateNone: "Not approved yet.",
  approvalNeedsReviewer: "Enter the reviewer's name first.",
  approvalNoSheet: "There is no monitoring sheet to approve.",
  approvalDone: "Approved {sheet}; the record was appended to {log}.",
  approvalDoneFile:
    "Approved {sheet}; the record was appended to {log}. Download the file to keep it.",
  stepChecking: "Checking whether the sheet can be approved…",
  stepApproving: "Writing the approval…",
  consolidateTitle: "Consolidate the units' sheets",
  consolidateHint:
    "Adds up the units' monitoring sheets into the city's figures and writes the summary, reporting and findings sheets; with several periods, the latest is consolidated and a trend sheet added. Files are read on this computer and never uploaded.",
  consolidateTabs: "Consolidate the sheets of this workbook",
  consolidateFiles: "Choose the units' files and consolidate…",
  consolidateDone:
    "Consolidated {period}: {reported} of {expected} units reported; {errors} errors, {warnings} warnings; city score {score}.",
  consolidateNotReported: "Not reported: {units}",
  consolidateTrend: "City score by period ({count} periods, in the trend sheet): {scores}",
  consolidateFilePrefix: "consolidated",
  bulletinMake: "Bulletin (Word)",
  stepBulletin: "Writing the bulletin…",
  errorBulletin: "The bulletin could not be made; try again.",
  bulletinEmpty: "This consolidation has no indicator figures to report.",
  stepConsolidating: "Consolidating…",
  errorConsolidateFile:
    "The file {name} cannot be read; check that it is a workbook (.xlsx, .xls, .et, .ods, .csv) without a password and not damaged.",
  errorApprove:
    "The approval could not be written; check that the workbook is not protected and try again.",
};

export const STRINGS: Record<Lang, StringTable> = { zh, en };

/** The text of `key` in `lang`, with {name} placeholders filled from `vars`. */
export function translate(
  lang: Lang,
  key: StringKey,
  vars?: Record<string, string | number>
): string {
  const text = STRINGS[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole
  );
}

/** zh unless the language tag is English ('en', 'en-US' …): the pane is Chinese first. */
export function langFromTag(tag: string | null | undefined): Lang {
  return tag && /^en\b/i.test(tag.trim()) ? "en" : "zh";
}
