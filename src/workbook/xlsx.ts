/**
 * The file adapter of the command line and the pane's file mode: a workbook package read by
 * scanning its parts and written by editing them in place (src/workbook/package/, docs/files.md).
 */
export { PackageWorkbook as XlsxWorkbook } from "./package/package-workbook";
export { sheetReference } from "./sheet-reference";
