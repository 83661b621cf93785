/**
 * Cells as the reader sees them: a located cell whose address and text are built only when asked,
 * and a view of one row whose texts are built lazily (a figure's text costs more than reading it).
 */
import { type Cell, type SheetGrid, cellAddress, cellText, isBlank } from "../model/cells";

export interface CellRef {
  readonly row: number;
  readonly col: number;
  readonly address: string;
  readonly cell: Cell | undefined;
  /** The visible text, trimmed ('' for empty). */
  readonly text: string;
}

/**
 * A cell the reader located. Its address and a number's text are built only when asked: a big
 * workbook has hundreds of thousands of value cells, and only those with a finding are ever shown.
 */
export class LocatedCell implements CellRef {
  private knownText: string | undefined;
  private knownAddress: string | undefined;
  constructor(
    readonly row: number,
    readonly col: number,
    readonly cell: Cell | undefined,
    text: string | undefined
  ) {
    this.knownText = text;
    this.knownAddress = undefined;
  }

  get text(): string {
    return (this.knownText ??= cellText(this.cell));
  }

  get address(): string {
    return (this.knownAddress ??= cellAddress(this.row, this.col));
  }
}

/** The cell at (row, col) of a grid. */
export function cellRef(grid: SheetGrid, row: number, col: number): CellRef {
  return new LocatedCell(row, col, grid.rows[row]?.[col], undefined);
}

/**
 * The texts of a row, each built when first asked for: a figure's text (String of a double) costs
 * more than everything else the reader does with a data row, and is rarely needed.
 */
export class RowView {
  cells: (Cell | undefined)[] = [];
  row = -1;
  private readonly texts: (string | undefined)[] = [];
  /** Slots of `texts` written since the last move, all below this. */
  private used = 0;

  /** Moves the view to another row (one view serves a whole sheet: a row's texts are not kept). */
  at(grid: SheetGrid, row: number): this {
    for (let c = 0; c < this.used; c++) this.texts[c] = undefined;
    this.used = 0;
    this.cells = grid.rows[row] ?? [];
    this.row = row;
    return this;
  }

  get length(): number {
    return this.cells.length;
  }

  text(c: number): string {
    let t = this.texts[c];
    if (t === undefined) {
      t = c < this.cells.length ? cellText(this.cells[c]) : "";
      this.texts[c] = t;
      if (c >= this.used) this.used = c + 1;
    }
    return t;
  }

  /** The text when already built or cheap (a text cell's); undefined for a figure not yet shown. */
  known(c: number): string | undefined {
    const t = this.texts[c];
    if (t !== undefined) return t;
    const v = this.cells[c]?.value;
    return typeof v === "number" ? undefined : this.text(c);
  }

  /** True when the cell shows something, without building a figure's text. */
  filled(c: number): boolean {
    return this.texts[c] !== undefined ? this.texts[c] !== "" : !isBlank(this.cells[c]);
  }

  /** Every text of the row (header rows, section titles). */
  all(): string[] {
    const out: string[] = [];
    for (let c = 0; c < this.cells.length; c++) out[c] = this.text(c);
    return out;
  }

  /** The cell at column c of the row being read. */
  ref(c: number): CellRef {
    return new LocatedCell(this.row, c, this.cells[c], this.known(c));
  }
}

/** Every text of a row (the rows a header may span). */
export function rowTexts(grid: SheetGrid, row: number): string[] {
  return new RowView().at(grid, row).all();
}
