/**
 * The names of the sheets the product writes (docs/files.md). The first five it replaces whole on
 * every run: each one's title in A1 starts with its name and " / ", the mark that tells it from a
 * user's sheet. 审核记录 only grows, row by row; 指标规则 is the catalogue the office edits.
 */
export const SHEET_NAME = {
  gap: "差距分析",
  findings: "校验结果",
  consolidation: "汇总",
  completeness: "填报情况",
  trend: "趋势",
  approvals: "审核记录",
  rules: "指标规则",
} as const;

/** Sheets the product owns; never read as monitoring sheets. */
export const PRODUCT_SHEETS: readonly string[] = Object.values(SHEET_NAME);

/**
 * The start of the name of a sheet the Excel adapter writes before it takes the place of the one it
 * replaces; a run that finds such a sheet left over by an interrupted one deletes it.
 */
export const TEMP_SHEET_PREFIX = "~替换中~";
