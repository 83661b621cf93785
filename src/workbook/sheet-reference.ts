/** How both adapters name a cell of another sheet, in a link or a formula: "'Sheet name'!A1". */
import { normaliseAddress } from "./annotation-store";

/** A sheet name as a reference needs it: always quoted, a quote inside written twice. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Sheet name'!A1", the address upper case and without "$". */
export function sheetReference(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${normaliseAddress(cell)}`;
}
