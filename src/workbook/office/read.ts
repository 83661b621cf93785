/**
 * Reading sheets in row blocks sized by an estimate of the response, so that no sync answers more
 * than Excel on the web's 5 MB (a sheet of 200,000 short cells answers about 9 MB for its values,
 * types, number formats and formulas). The first sync learns each used range's extent; blocks of
 * rows follow, several sheets' blocks to a sync while they fit. A block whose `values` come back
 * null — Excel's answer for a get of too many cells
 * (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices)
 * — is read again in halves.
 */
import type { Cell, SheetGrid } from "../../core/model/cells";
import { CELL_RESPONSE_ESTIMATE, utf8Length } from "./payload";
import { a1Range, fromExcel, topLeft } from "./values";

/** A sheet to read, once synced: the sheet (name and visibility loaded) and its used range's extent. */
export interface SheetToRead {
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

/** Queues loading a sheet's name and visibility and its used range's extent (not its cells). */
export function queueExtent(sheet: Excel.Worksheet, props = "name,visibility"): SheetToRead {
  sheet.load(props);
  // Values only: cells that merely carry a format hold nothing to read.
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("address,rowCount,columnCount");
  return { sheet, used };
}

interface Job {
  read: SheetToRead;
  top: number;
  left: number;
  rowCount: number;
  cols: number;
  /** Next row (0-based, inside the used range) not yet queued. */
  next: number;
  /** Bytes a cell of this sheet adds to a response, as estimated or measured. */
  perCell: number;
  rows: (Cell | undefined)[][];
}

interface Block {
  job: Job;
  /** First row inside the used range, and how many. */
  from: number;
  count: number;
  range: Excel.Range;
}

function queueBlock(job: Job, from: number, count: number): Block {
  const r0 = job.top + from;
  const range = job.read.sheet.getRange(
    a1Range(r0, job.left, r0 + count - 1, job.left + job.cols - 1)
  );
  range.load("values,valueTypes,numberFormat,formulas");
  return { job, from, count, range };
}

/** Takes a loaded block's cells into its sheet's rows; returns false when Excel answered null. */
function takeBlock(b: Block): boolean {
  const { values, valueTypes, numberFormat, formulas } = b.range;
  if (!values || !valueTypes || !numberFormat || !formulas) return false;
  const job = b.job;
  values.forEach((line, r) => {
    const cells: (Cell | undefined)[] = [];
    line.forEach((value, c) => {
      const cell = fromExcel(value, valueTypes[r][c], numberFormat[r][c], formulas[r][c]);
      if (cell) cells[job.left + c] = cell;
    });
    job.rows[job.top + b.from + r] = cells;
  });
  // What this block really cost decides the size of the sheet's next blocks.
  const bytes =
    utf8Length(JSON.stringify(values)) +
    utf8Length(JSON.stringify(valueTypes)) +
    utf8Length(JSON.stringify(numberFormat)) +
    utf8Length(JSON.stringify(formulas));
  job.perCell = Math.max(job.perCell, Math.ceil(bytes / Math.max(1, b.count * job.cols)));
  return true;
}

/** Blocks for one sync: retried halves first, then new rows of each sheet while the budget lasts. */
function planSync(
  jobs: Job[],
  retries: { job: Job; from: number; count: number }[],
  budget: number
): Block[] {
  const blocks: Block[] = [];
  let bytes = 0;
  while (retries.length > 0 && (blocks.length === 0 || bytes < budget)) {
    const r = retries.shift()!;
    blocks.push(queueBlock(r.job, r.from, r.count));
    bytes += r.count * r.job.cols * r.job.perCell;
  }
  for (const job of jobs) {
    while (job.next < job.rowCount) {
      const perRow = job.cols * job.perCell;
      let count = Math.floor((budget - bytes) / perRow);
      if (count < 1) {
        if (blocks.length > 0) return blocks;
        count = 1; // one row over the budget: read it alone
      }
      count = Math.min(count, job.rowCount - job.next);
      blocks.push(queueBlock(job, job.next, count));
      job.next += count;
      bytes += count * perRow;
    }
  }
  return blocks;
}

/**
 * The grids of synced `reads` (null-object sheets skipped), reading their cells in as many syncs
 * as their size needs — one for everything up to `budget` bytes of estimated response.
 */
export async function readGrids(
  context: Excel.RequestContext,
  reads: SheetToRead[],
  budget: number
): Promise<SheetGrid[]> {
  const present = reads.filter((r) => !r.sheet.isNullObject);
  const jobs: Job[] = present.map((read) => {
    if (read.used.isNullObject)
      return {
        read,
        top: 0,
        left: 0,
        rowCount: 0,
        cols: 0,
        next: 0,
        perCell: CELL_RESPONSE_ESTIMATE,
        rows: [],
      };
    const origin = topLeft(read.used.address);
    return {
      read,
      top: origin.row,
      left: origin.col,
      rowCount: read.used.rowCount,
      cols: read.used.columnCount,
      next: 0,
      perCell: CELL_RESPONSE_ESTIMATE,
      rows: [],
    };
  });
  const retries: { job: Job; from: number; count: number }[] = [];
  for (;;) {
    const blocks = planSync(jobs, retries, budget);
    if (blocks.length === 0) break;
    // One sync per round of row blocks, on purpose: each round is sized to stay under Excel on the
    // web's 5 MB response limit, so the reads cannot all go in one sync.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const b of blocks) {
      if (takeBlock(b)) continue;
      if (b.count === 1)
        throw new Error(
          `Excel returned no values for row ${b.job.top + b.from + 1} of ${b.job.read.sheet.name}`
        );
      const half = Math.ceil(b.count / 2);
      retries.push(
        { job: b.job, from: b.from, count: half },
        { job: b.job, from: b.from + half, count: b.count - half }
      );
    }
  }
  return jobs.map((job) => {
    const rows = Array.from({ length: job.rows.length }, (_, r) => job.rows[r] ?? []);
    while (rows.length > 0 && rows[rows.length - 1].every((c) => c === undefined)) rows.pop();
    const grid: SheetGrid = { name: job.read.sheet.name, rows };
    if (job.read.sheet.visibility !== "Visible") grid.hidden = true;
    return grid;
  });
}
