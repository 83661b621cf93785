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
    data = await fs.readFile(file);
  } catch (e) {
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

/** Writes to a temporary file first, so a failed write never leaves half a workbook. */
export async function saveWorkbook(wb: XlsxWorkbook, file: string): Promise<void> {
  const bytes = await wb.toBuffer();
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, bytes);
  await fs.rename(tmp, file);
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
