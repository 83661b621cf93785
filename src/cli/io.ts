/** Reading and writing workbook files for the command line; every failure is one clear sentence. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { XlsxWorkbook } from '../workbook/xlsx';
import { parsePeriod } from '../core/read/period';
import { UsageError } from './args';

/** The input could not be used: exit status 2 with this one line on stderr. */
export class InputError extends Error {}

export async function openWorkbook(file: string): Promise<XlsxWorkbook> {
  let data: Buffer;
  try {
    // A pipe or a device would be read for ever: only a plain file is a workbook.
    const st = await fs.stat(file);
    if (!st.isFile() && !st.isDirectory()) throw new InputError(`${file}: is not a file / 不是文件`);
    data = await fs.readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${file}: no such file / 文件不存在`);
    if (code === 'EISDIR') throw new InputError(`${file}: is a folder, not a workbook / 这是文件夹，不是工作簿`);
    throw new InputError(`${file}: cannot be read (${code ?? (e as Error).message}) / 无法读取`);
  }
  try {
    return await XlsxWorkbook.fromBuffer(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  } catch (e) {
    throw new InputError(`${file}: ${oneLine((e as Error).message)}`);
  }
}

/**
 * Writes to a temporary file beside the target first, so a failed write never leaves half a
 * workbook, nor the temporary file. Only a plain file is ever replaced.
 */
export async function saveWorkbook(wb: XlsxWorkbook, file: string): Promise<void> {
  const target = path.resolve(file);
  const existing = await fs.stat(target).catch(() => null);
  if (existing?.isDirectory()) {
    throw new InputError(`${file}: is a folder; name a file in it, such as ${path.join(file, 'out.xlsx')} / 这是文件夹，请给出文件名`);
  }
  if (existing && !existing.isFile()) throw new InputError(`${file}: is not a plain file and is not replaced / 不是普通文件，不能写入`);
  await makeFolder(path.dirname(target), file);
  const bytes = await wb.toBuffer();
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new InputError(`${file}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}) / 无法写入`);
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
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new InputError(`${file}: folder ${dir} cannot be used (${(e as NodeJS.ErrnoException).code}) / 无法使用该文件夹`);
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
    if (code !== 'EEXIST') throw new InputError(`${file}: folder ${dir} cannot be created (${code}) / 无法创建文件夹`);
  }
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** --as-of: an ISO date (2022-09-30) or a period text (2022Q3, 2022年第三季度). */
export function parseAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    const d = new Date(Date.UTC(+iso[1], +iso[2] - 1, +iso[3]));
    if (d.getUTCMonth() === +iso[2] - 1 && d.getUTCDate() === +iso[3]) return value;
    throw new UsageError(`--as-of ${value} is not a real date`);
  }
  const p = parsePeriod(value);
  if (!p) throw new UsageError(`--as-of ${value} is neither a date (YYYY-MM-DD) nor a period (2022Q3)`);
  return p.asOf;
}

export function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}
