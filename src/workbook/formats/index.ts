/**
 * Workbooks in the formats other than .xlsx that offices send — .xls (BIFF8, BIFF5/7), WPS .et,
 * .ods and .csv — read into the core's grids, so that the same content gives the same findings.
 * Bytes in, grids out, no file system: the same code runs in Node and in the browser.
 */
import type { WorkbookGrids } from "../../core/model/cells";
import { readCsv } from "./csv";
import { detectFormat, looksLikeMarkup } from "./detect";
import { FormatError } from "./errors";
import { readOds } from "./ods";
import { ENCRYPTED_MESSAGE, readXls } from "./xls";

export { FormatError } from "./errors";
export { detectFormat, type FileFormat } from "./detect";
export { readXls } from "./xls";
export { readOds } from "./ods";
export { readCsv } from "./csv";

/**
 * Reads an .xls/.et, .ods or .csv workbook, whatever its name says. An .xlsx is refused: it is
 * read, and written back, by XlsxWorkbook (src/workbook/xlsx.ts), which detectFormat tells apart.
 */
export function readOtherFormat(bytes: Uint8Array, fileName?: string): WorkbookGrids {
  if (bytes.length === 0) throw new FormatError("the file is empty");
  switch (detectFormat(bytes, fileName)) {
    case "xls":
      return readXls(bytes);
    case "ods":
      return readOds(bytes);
    case "csv":
      return readCsv(bytes, fileName);
    case "encrypted":
      throw new FormatError(ENCRYPTED_MESSAGE);
    case "xlsx":
      throw new FormatError("the file is an .xlsx workbook, which is read by the .xlsx reader");
    default:
      if (looksLikeMarkup(bytes)) {
        throw new FormatError(
          "the file is a web page or XML file, not a workbook; open it in Excel or WPS and save it as .xlsx"
        );
      }
      throw new FormatError(
        "the file is not a workbook in a known format (.xlsx, .xls, .et, .ods or .csv)"
      );
  }
}
