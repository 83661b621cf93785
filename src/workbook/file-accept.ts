/** The formats a workbook file may come in (docs/files.md); kept apart so the pane's first screen needs no reader. */

/** What a file picker offers: every format read, by extension and by type. */
export const WORKBOOK_FILE_ACCEPT = [
  ".xlsx",
  ".xlsm",
  ".xls",
  ".et",
  ".ods",
  ".csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel.sheet.macroEnabled.12",
  "application/vnd.ms-excel",
  "application/vnd.oasis.opendocument.spreadsheet",
  "text/csv",
].join(",");
