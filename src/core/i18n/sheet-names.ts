/**
 * The names of the sheets the product writes and replaces whole on every run (docs/files.md). Each
 * sheet's title in A1 starts with its name and " / ", the mark that tells it from a user's sheet.
 */
export const SHEET_NAME = {
  gap: "差距分析",
  findings: "校验结果",
  consolidation: "汇总",
  completeness: "填报情况",
  trend: "趋势",
} as const;
