/**
 * Every text the task pane shows, in Chinese (first) and English.
 * Components take their text from here only (test/taskpane/strings.test.ts checks it);
 * the two tables must have the same keys and the same {placeholders}.
 */

export type Lang = 'zh' | 'en';

const zh = {
  appTitle: '指标监测与差距分析',
  switchLanguage: 'English',
  switchLanguageLabel: '切换为英文界面',
  fileModeNotice: '未检测到 Excel：可在浏览器中检查 .xlsx 文件，文件不会离开本机。',
  chooseFile: '选择 Excel 文件（.xlsx）',
  openedFile: '已打开：{name}',
  noFileYet: '尚未选择文件。',
  validateSheet: '校验当前工作表',
  validateWorkbook: '校验全部工作表',
  analyse: '差距分析',
  clearAnnotations: '清除标注',
  download: '下载检查后的文件',
  downloadSuffix: '（已检查）',
  asOfLabel: '截至日期（可选）',
  asOfHint: '留空则按表中的报告期计算。',
  stepOpening: '正在打开文件…',
  stepLoadingReader: '正在加载 Excel 文件读取组件…',
  stepReading: '正在读取工作簿…',
  stepValidating: '正在校验…',
  stepAnalysing: '正在计算得分与差距…',
  stepWriting: '正在把结果写入工作簿…',
  stepClearing: '正在清除标注…',
  stepSaving: '正在生成下载文件…',
  readyHint: '请选择一项操作开始检查。',
  clearedNotice: '已清除全部标注，单元格恢复原来的格式。',
  summaryValidate: '校验结果',
  summaryAnalyse: '差距分析结果',
  summaryErrors: '错误',
  summaryWarnings: '警告',
  summaryAsOf: '截至日期',
  summaryAsOfUnknown: '未知',
  summarySheets: '已识别工作表',
  summaryOverall: '总体得分',
  summaryCategories: '分类得分',
  summaryStatuses: '指标状态',
  summaryNoScore: '无可计分指标',
  findingsTitle: '问题清单',
  noFindings: '没有发现问题。',
  severityError: '错误',
  severityWarning: '警告',
  groupNoIndicator: '整表或未识别的指标',
  findingCell: '单元格',
  findingText: '原文',
  findingSelect: '在工作表中选中此单元格',
  dismiss: '关闭',
  errorTitle: '操作未完成',
  errorNotWorkbook: '这个文件不是可读取的 .xlsx 工作簿，请另存为 Excel 工作簿（.xlsx）后再试。',
  errorOldXls: '这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再试。',
  errorLoadReader: '无法加载 Excel 文件读取组件，请刷新页面后重试。',
  errorRead: '无法读取工作簿的内容，请确认文件未损坏后重试。',
  errorRun: '检查未能完成，请确认表格格式后重试。',
  errorWrite: '结果未能写入工作簿，请确认工作簿未被保护后重试。',
  errorClear: '标注未能清除，请确认工作簿未被保护后重试。',
  errorSelect: '无法选中该单元格，它所在的工作表可能已被删除或改名。',
  errorSave: '无法生成下载文件，请重试。',
  errorActiveSheet: '无法确定当前工作表，请先点击要校验的工作表。',
  excelLimitsTitle: '此版本 Excel 的限制',
} as const;

export type StringKey = keyof typeof zh;
export type StringTable = Record<StringKey, string>;

const en: StringTable = {
  appTitle: 'Indicator monitoring and gap analysis',
  switchLanguage: '中文',
  switchLanguageLabel: 'Switch the pane to Chinese',
  fileModeNotice: 'Excel was not detected: check an .xlsx file in the browser. The file never leaves this computer.',
  chooseFile: 'Choose an Excel file (.xlsx)',
  openedFile: 'Opened: {name}',
  noFileYet: 'No file chosen yet.',
  validateSheet: 'Validate this sheet',
  validateWorkbook: 'Validate all sheets',
  analyse: 'Gap analysis',
  clearAnnotations: 'Clear annotations',
  download: 'Download the checked file',
  downloadSuffix: ' (checked)',
  asOfLabel: 'As-of date (optional)',
  asOfHint: "Leave empty to use the sheet's report period.",
  stepOpening: 'Opening the file…',
  stepLoadingReader: 'Loading the Excel file reader…',
  stepReading: 'Reading the workbook…',
  stepValidating: 'Validating…',
  stepAnalysing: 'Computing scores and gaps…',
  stepWriting: 'Writing the results into the workbook…',
  stepClearing: 'Clearing the annotations…',
  stepSaving: 'Preparing the download…',
  readyHint: 'Choose an action to start the check.',
  clearedNotice: 'All annotations were cleared; the cells have their previous formatting again.',
  summaryValidate: 'Validation result',
  summaryAnalyse: 'Gap analysis result',
  summaryErrors: 'Errors',
  summaryWarnings: 'Warnings',
  summaryAsOf: 'As of',
  summaryAsOfUnknown: 'unknown',
  summarySheets: 'Sheets recognised',
  summaryOverall: 'Overall score',
  summaryCategories: 'Scores by category',
  summaryStatuses: 'Indicator statuses',
  summaryNoScore: 'no indicator to score',
  findingsTitle: 'Findings',
  noFindings: 'No problems found.',
  severityError: 'Errors',
  severityWarning: 'Warnings',
  groupNoIndicator: 'Whole sheet or unknown indicator',
  findingCell: 'Cell',
  findingText: 'Text',
  findingSelect: 'Select this cell in the sheet',
  dismiss: 'Dismiss',
  errorTitle: 'Not done',
  errorNotWorkbook: 'This file is not a readable .xlsx workbook; save it as an Excel workbook (.xlsx) and try again.',
  errorOldXls: 'This is an old .xls file; save it as .xlsx in Excel or WPS and try again.',
  errorLoadReader: 'The Excel file reader could not be loaded; reload the page and try again.',
  errorRead: 'The workbook could not be read; check that the file is not damaged and try again.',
  errorRun: 'The check could not be completed; check the layout of the sheet and try again.',
  errorWrite: 'The results could not be written into the workbook; check that it is not protected and try again.',
  errorClear: 'The annotations could not be cleared; check that the workbook is not protected and try again.',
  errorSelect: 'The cell could not be selected; its sheet may have been deleted or renamed.',
  errorSave: 'The download could not be prepared; please try again.',
  errorActiveSheet: 'The current sheet could not be determined; click the sheet to validate first.',
  excelLimitsTitle: 'What this Excel cannot do',
};

export const STRINGS: Record<Lang, StringTable> = { zh, en };

/** The text of `key` in `lang`, with {name} placeholders filled from `vars`. */
export function translate(lang: Lang, key: StringKey, vars?: Record<string, string | number>): string {
  const text = STRINGS[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** zh unless the language tag is English ('en', 'en-US' …): the pane is Chinese first. */
export function langFromTag(tag: string | null | undefined): Lang {
  return tag && /^en\b/i.test(tag.trim()) ? 'en' : 'zh';
}
