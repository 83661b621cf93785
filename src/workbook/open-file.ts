/**
 * Opens a workbook file's bytes in any format offices send (docs/files.md), for the command line
 * and the pane's file mode alike: an .xlsx or .xlsm as a package that is written back in place; a
 * .xls, .et, .ods or .csv read into a new workbook. The readers of the other formats load only
 * when such a file comes (in the browser, as their own chunk).
 */
import { XlsxWorkbook } from "./xlsx";
import { holdsUtf16 } from "./package/open";

const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Names that promise a workbook package or a binary workbook, never a text file. */
const WORKBOOK_NAME = /\.(xlsx|xlsm|xls|et|ods)$/i;

/** True for a zip package that is a SpreadsheetML workbook (not an .ods, which is a zip too). */
function isSpreadsheetPackage(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  // The names of a zip's parts are stored as plain bytes: an .ods names "mimetype" first and has no content types.
  const probe = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 200)));
  return !/^PK\x03\x04[\s\S]{26}mimetype/.test(probe);
}

export async function openWorkbookBytes(
  bytes: Uint8Array,
  fileName: string
): Promise<XlsxWorkbook> {
  // An encrypted .xlsx is an OLE file holding an EncryptedPackage: the package reader names it so.
  if (
    bytes.length === 0 ||
    isSpreadsheetPackage(bytes) ||
    (isOle(bytes) && holdsUtf16(bytes, "EncryptedPackage"))
  ) {
    return XlsxWorkbook.fromBuffer(bytes);
  }
  const formats = await import(/* webpackChunkName: "formats" */ "./formats");
  const format = formats.detectFormat(bytes, fileName);
  if (format === "xlsx") return XlsxWorkbook.fromBuffer(bytes);
  // Text under a workbook's name is not taken for a CSV: the name says it is something else.
  if (format === "csv" && WORKBOOK_NAME.test(fileName)) {
    if (/\.xls[xm]$/i.test(fileName)) return XlsxWorkbook.fromBuffer(bytes);
    throw new formats.FormatError(
      "the file is plain text, not a workbook, whatever its name says; if it is a CSV table, name it .csv"
    );
  }
  const grids = formats.readOtherFormat(bytes, fileName);
  return XlsxWorkbook.fromGrids(grids, format === "ods" || format === "csv" ? format : "xls");
}
