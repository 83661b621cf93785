/** Saving a file from the browser: a Blob and an object URL; nothing leaves the machine. */

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * "监测表.xlsx" + "（已检查）" → "监测表（已检查）.xlsx"; a .xls, .et, .ods or .csv gives an .xlsx
 * too (the download is a new workbook), a macro-enabled workbook an .xlsm.
 */
export function xlsxDownloadName(original: string, suffix: string, macroEnabled = false): string {
  const base = original.replace(/\.(xlsx|xlsm|xls|et|ods|csv)$/i, "") || "workbook";
  return `${base}${suffix}.${macroEnabled ? "xlsm" : "xlsx"}`;
}

/** Saves bytes as a download named `fileName`; a workbook unless another type is given. */
export function saveBytes(bytes: Uint8Array, fileName: string, type = XLSX_MIME): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
