/**
 * Where charts go on a product sheet: beside its table, never over it (docs/charts.md). Right of
 * the table's last column and one empty column, a band of columns holds the charts one under the
 * other, starting on the first row under the frozen header, so no chart is cut by the frozen
 * pane; right of the band, the small tables the charts draw from, their headers on the table's
 * header row.
 */
import { cellAddress, parseAddress } from "../model/cells";
import type { PlanCell, PlanChart, PlanValue, SheetCharts } from "../model/plan";
import { HEADER_FILL, HEADER_TEXT, SUBTLE_TEXT, displayWidth } from "./styles";

/** The charts' band: this many columns of this many characters (about 700 pixels at 100 %). */
export const BAND_COLUMNS = 8;
const BAND_WIDTH = 12;
/** Rows left empty between two charts. */
const CHART_GAP = 1;

export interface BlockColumn {
  header: string;
  /** Header colours (a status's), else the table's header look. */
  fill?: string;
  fontColor?: string;
  numFmt?: string;
  /** Width in characters; from the header and values when absent. */
  width?: number;
}

/** A block's place: its first column, and the rows of its values (header excluded). */
export interface BlockPlace {
  col: number;
  firstRow: number;
  lastRow: number;
}

export class SideArea {
  private readonly cells: PlanCell[] = [];
  private readonly charts: PlanChart[] = [];
  private readonly widths: Record<number, number> = {};
  private readonly bandCol: number;
  private nextChartRow: number;
  private nextBlockCol: number;

  /** `tableWidths`: the widths of the table's columns (characters); `headerRow`: its header's 0-based row. */
  constructor(
    private readonly tableWidths: number[],
    private readonly headerRow: number
  ) {
    const band = tableWidths.length + 1;
    for (let c = 0; c < BAND_COLUMNS; c++) this.widths[band + c] = BAND_WIDTH;
    this.bandCol = band;
    this.nextChartRow = headerRow + 1;
    this.nextBlockCol = band + BAND_COLUMNS + 1;
  }

  /** The A1 range the next chart covers: the band's width, `rows` rows under the one before. */
  nextAnchor(rows: number): string {
    const top = this.nextChartRow;
    this.nextChartRow += rows + CHART_GAP;
    return `${cellAddress(top, this.bandCol)}:${cellAddress(top + rows - 1, this.bandCol + BAND_COLUMNS - 1)}`;
  }

  addChart(chart: PlanChart): void {
    this.charts.push(chart);
  }

  /**
   * A small table right of the charts: a caption above its header, the header on the table's
   * header row, then `rows` of values. Returns where its values are.
   */
  block(caption: string, columns: BlockColumn[], rows: PlanValue[][]): BlockPlace {
    const col = this.nextBlockCol;
    const first = this.headerRow + 1;
    this.cells.push({ row: this.headerRow - 1, col, value: caption, fontColor: SUBTLE_TEXT });
    columns.forEach((c, i) => {
      this.cells.push({
        row: this.headerRow,
        col: col + i,
        value: c.header,
        bold: true,
        fill: c.fill ?? HEADER_FILL,
        fontColor: c.fontColor ?? HEADER_TEXT,
        align: "center",
        wrap: true,
      });
      const longest = Math.max(
        displayWidth(c.header),
        ...rows.map((r) => (typeof r[i] === "string" ? displayWidth(r[i] as string) : 6))
      );
      this.widths[col + i] = c.width ?? Math.min(30, Math.max(8, longest + 2));
    });
    rows.forEach((values, r) =>
      values.forEach((value, i) => {
        if (value === null) return;
        const numFmt = typeof value === "number" ? columns[i].numFmt : undefined;
        this.cells.push({ row: first + r, col: col + i, value, ...(numFmt ? { numFmt } : {}) });
      })
    );
    this.nextBlockCol = col + columns.length + 1;
    return { col, firstRow: first, lastRow: first + rows.length - 1 };
  }

  /** The charts and their cells; `lastRow`: the 0-based row of the table's last line (for printing). */
  result(lastRow: number): SheetCharts | undefined {
    if (!this.charts.length) return undefined;
    const table = `A1:${cellAddress(Math.max(lastRow, this.headerRow), this.tableWidths.length - 1)}`;
    return {
      charts: this.charts,
      cells: this.cells,
      columnWidths: this.widths,
      printAreas: [table, ...this.charts.map((c) => c.anchor)],
    };
  }
}

/** The A1 range of one column of a block's values, e.g. "AC12:AC17". */
export function blockColumn(place: BlockPlace, index: number, lastRow = place.lastRow): string {
  const c = place.col + index;
  return `${cellAddress(place.firstRow, c)}:${cellAddress(lastRow, c)}`;
}

/** "A5:O22" with the columns from `at` on moved `k` to the right. */
function shiftRange(range: string, at: number, k: number): string {
  return range
    .split(":")
    .map((ref) => {
      const { row, col } = parseAddress(ref);
      return cellAddress(row, col >= at ? col + k : col);
    })
    .join(":");
}

/**
 * The charts of a sheet into whose table `k` columns were inserted at column `at` (填报情况's
 * earlier scores): the charts, their cells and ranges, widths and print areas move right with the
 * table's end, so they stay beside it.
 */
export function insertChartColumns(charts: SheetCharts, at: number, k: number): SheetCharts {
  const move = (r: string) => shiftRange(r, at, k);
  const widths: Record<number, number> = {};
  for (const [c, w] of Object.entries(charts.columnWidths ?? {}))
    widths[Number(c) >= at ? Number(c) + k : Number(c)] = w;
  return {
    charts: charts.charts.map((c) => ({
      ...c,
      anchor: move(c.anchor),
      series: c.series.map((s) => ({
        ...s,
        categories: move(s.categories),
        values: move(s.values),
      })),
    })),
    cells: charts.cells.map((c) => (c.col >= at ? { ...c, col: c.col + k } : c)),
    columnWidths: widths,
    ...(charts.printAreas ? { printAreas: charts.printAreas.map(move) } : {}),
  };
}
