/** Reading and writing workbook files for the command line; every failure is one clear sentence. */
import { promises as fs } from "fs";
import * as path from "path";
import { XlsxWorkbook } from "../workbook/xlsx";
import { FormatError } from "../workbook/formats/errors";
import { openWorkbookBytes } from "../workbook/open-file";
import { PackageError, setCodec } from "../workbook/package/zip";
import * as zlib from "zlib";

// Node's own zlib for the packages' parts: native, several times faster than the portable one.
setCodec({
  deflate: (data, level) => zlib.deflateRawSync(data, { level }),
  inflate: (data, limit) => zlib.inflateRawSync(data, { maxOutputLength: limit }),
});
import type { WorkbookGrids } from "../core/model/cells";
import { parsePeriod } from "../core/read/period";
import { ISO_DATE, parseIsoDate } from "../core/util/dates";
import { UsageError } from "./args";

/** The input could not be used: exit status 2 with this one line on stderr. */
export class InputError extends Error {}

/** The files a folder's workbooks are taken from, in every format read (docs/files.md); "~$" lock files are not. */
export function isWorkbookFileName(name: string): boolean {
  return /\.(xlsx|xlsm|xls|et|ods|csv)$/i.test(name) && !name.startsWith("~$");
}

const FORMAT_NAMES: Record<string, string> = { xls: ".xls/.et", ods: ".ods", csv: ".csv" };

/**
 * Opens a workbook file in any format offices send (docs/files.md): .xlsx and .xlsm as packages
 * that can be written back; .xls, .et, .ods and .csv read into a new workbook, never written in place.
 */
export async function openWorkbook(file: string): Promise<XlsxWorkbook> {
  let data: Buffer;
  try {
    // A pipe or a device would be read for ever: only a plain file is a workbook.
    const st = await fs.stat(file);
    if (!st.isFile() && !st.isDirectory())
      throw new InputError(`${file}: is not a file / 不是文件`);
    data = await fs.readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`${file}: no such file / 文件不存在`);
    if (code === "EISDIR")
      throw new InputError(`${file}: is a folder, not a workbook / 这是文件夹，不是工作簿`);
    throw new InputError(`${file}: cannot be read (${code ?? (e as Error).message}) / 无法读取`);
  }
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  try {
    return await openWorkbookBytes(bytes, path.basename(file));
  } catch (e) {
    const message = oneLine((e as Error).message);
    if (e instanceof FormatError) throw new InputError(`${file}: ${message} / 无法读取该文件`);
    throw new InputError(`${file}: ${message}`);
  }
}

/**
 * Opens a workbook file and reads its sheets' grids. A sheet found damaged while it is read (its
 * XML cut off, say) stops the command like any unusable input: exit 2 and one sentence.
 */
export async function readWorkbook(
  file: string
): Promise<{ wb: XlsxWorkbook; grids: WorkbookGrids }> {
  const wb = await openWorkbook(file);
  try {
    return { wb, grids: await wb.readSheets() };
  } catch (e) {
    if (e instanceof PackageError) {
      throw new InputError(
        `${file}: 无法读取工作簿：文件已损坏 / Cannot read the workbook: the file is damaged (${oneLine(e.message)})`
      );
    }
    throw e;
  }
}

/**
 * Refuses to write into a file that was not read as a package: a .xls, .et, .ods or .csv is never
 * rewritten (it would become an .xlsx under the old name). Says what to do instead.
 */
export function assertWritableInPlace(wb: XlsxWorkbook, file: string, what: string): void {
  if (wb.sourceFormat === "xlsx") return;
  const name = FORMAT_NAMES[wb.sourceFormat] ?? wb.sourceFormat;
  throw new InputError(
    `${file}: is a ${name} file, which ${what} does not write into; save it as .xlsx in Excel, WPS or LibreOffice first, or use analyse --out ${analysedName(file)} / ${name} 文件不能直接写入，请先另存为 .xlsx`
  );
}

/** NAME.analysed.xlsx beside the input. */
export function analysedName(file: string): string {
  const ext = path.extname(file);
  return `${ext ? file.slice(0, -ext.length) : file}.analysed.xlsx`;
}

/**
 * Writes to a temporary file beside the target first, so a failed write never leaves half a
 * workbook, nor the temporary file. Only a plain file is ever replaced.
 */
export async function saveWorkbook(wb: XlsxWorkbook, file: string): Promise<void> {
  const target = path.resolve(file);
  const existing = await fs.stat(target).catch(() => null);
  if (existing?.isDirectory()) {
    throw new InputError(
      `${file}: is a folder; name a file in it, such as ${path.join(file, "out.xlsx")} / 这是文件夹，请给出文件名`
    );
  }
  if (existing && !existing.isFile())
    throw new InputError(
      `${file}: is not a plain file and is not replaced / 不是普通文件，不能写入`
    );
  // Excel opens a workbook only when its name and its type agree on macros.
  if (wb.macroEnabled && /\.xlsx$/i.test(target)) {
    throw new InputError(
      `${file}: the workbook holds macros (.xlsm); name the output .xlsm so they are kept / 工作簿含宏，请将输出文件命名为 .xlsm`
    );
  }
  if (!wb.macroEnabled && /\.xlsm$/i.test(target)) {
    throw new InputError(
      `${file}: the workbook holds no macros; name the output .xlsx / 工作簿不含宏，请将输出文件命名为 .xlsx`
    );
  }
  await makeFolder(path.dirname(target), file);
  const bytes = await wb.toBuffer();
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new InputError(
      `${file}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}) / 无法写入`
    );
  }
}

/**
 * Creates the missing folders of an output path one level at a time: a recursive mkdir does not
 * return on some special file systems (/proc), and each failure here is one clear line.
 */
async function makeFolder(dir: string, file: string): Promise<void> {
  let st;
  try {
    st = await fs.stat(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new InputError(
        `${file}: folder ${dir} cannot be used (${(e as NodeJS.ErrnoException).code}) / 无法使用该文件夹`
      );
    }
  }
  if (st) {
    if (!st.isDirectory()) throw new InputError(`${file}: ${dir} is not a folder / 不是文件夹`);
    return;
  }
  const parent = path.dirname(dir);
  if (parent !== dir) await makeFolder(parent, file);
  try {
    await fs.mkdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EEXIST")
      throw new InputError(`${file}: folder ${dir} cannot be created (${code}) / 无法创建文件夹`);
  }
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** --as-of: an ISO date (2022-09-30) or a period text (2022Q3, 2022年第三季度). */
export function parseAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (ISO_DATE.test(value)) {
    if (parseIsoDate(value)) return value;
    throw new UsageError(`--as-of ${value} is not a real date`);
  }
  const p = parsePeriod(value);
  if (!p)
    throw new UsageError(`--as-of ${value} is neither a date (YYYY-MM-DD) nor a period (2022Q3)`);
  return p.asOf;
}

export function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}
