/**
 * The bulletin as a Word document (.docx), written with the `docx` package, laid out as a Chinese
 * official document as far as a generated one can be (GB/T 9704-2012; docs/bulletin.md): A4, 版心
 * 156 × 225 mm (天头 37 mm, 订口 28 mm), 22 lines of 28 characters of 三号 仿宋 (exact spacing),
 * title in 二号 小标宋, headings 黑体 / 楷体 / 仿宋 by level, page numbers "— 1 —" in 四号 宋体 at
 * the bottom, right on odd pages and left on even ones. Fonts: see docx-fonts.ts.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from "docx";
import { STATUS_STYLE } from "../core/score";
import type { Block, Bulletin, TableColumn, TableRow as RowData } from "./model";
import { FONTS, fontTableOverride, runFont } from "./docx-fonts";
import { dateZh } from "./format";

/** Twentieths of a point per millimetre. */
const MM = 56.6929;
/** 版心 width: 156 mm. */
const TEXT_WIDTH = Math.round(156 * MM);
/** 22 lines in 225 mm: 28.95 pt, the exact spacing of body lines. */
const LINE = 579;
/**
 * 28 characters of 16 pt in 156 mm: each 0.25 pt narrower (in twentieths of a point). Set on the
 * runs rather than by Word's character grid, which LibreOffice lays out differently.
 */
const BODY_SPACING = -5;
/** Two characters of body text, for first-line indents. */
const TWO_CHARS = 2 * (320 + BODY_SPACING);
/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, caption: 28, pageNumber: 28, table: 21, note: 24 };

export interface Picture {
  png: Uint8Array;
  /** The chart's size in CSS pixels (its aspect is kept). */
  width: number;
  height: number;
}

type RunStyle = Omit<IRunOptions, "text" | "children">;

function run(text: string, font: string, size: number, extra: RunStyle = {}): TextRun {
  const spacing = size === SIZE.body ? { characterSpacing: BODY_SPACING } : {};
  return new TextRun({ text, font: runFont(font), size, ...spacing, ...extra });
}

/** A body paragraph: 三号 仿宋 on the grid's exact line, first line indented two characters. */
function body(children: TextRun[], extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    children,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { firstLine: TWO_CHARS },
    alignment: AlignmentType.JUSTIFIED,
    ...extra,
  });
}

function titleBlock(b: Bulletin): Paragraph[] {
  const out: Paragraph[] = [];
  // Two blank lines above the title, as a document without 版头 starts (GB/T 9704 7.3.1).
  out.push(body([]), body([]));
  for (const line of b.title) {
    out.push(
      new Paragraph({
        children: [run(line, FONTS.title, SIZE.title)],
        alignment: AlignmentType.CENTER,
        spacing: { line: 640, lineRule: LineRuleType.EXACT },
      })
    );
  }
  // The issuing line: the office left, the date right, over a red rule (the 分隔线 of 版头).
  out.push(body([]));
  out.push(
    new Paragraph({
      children: [
        run(b.issuer, FONTS.kai, SIZE.body),
        run(`\t${dateZh(b.date)}`, FONTS.kai, SIZE.body),
      ],
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      indent: { left: 320, right: 320 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: "C00000", space: 4 } },
    })
  );
  out.push(body([]));
  out.push(body([run(b.recipients, FONTS.body, SIZE.body)], { indent: {} }));
  return out;
}

function heading(level: 1 | 2 | 3, text: string): Paragraph {
  const font = level === 1 ? FONTS.hei : level === 2 ? FONTS.kai : FONTS.body;
  return body([run(text, font, SIZE.body, level === 3 ? { bold: true } : {})], {
    keepNext: true,
    alignment: AlignmentType.LEFT,
  });
}

function caption(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, FONTS.hei, SIZE.caption)],
    alignment: AlignmentType.CENTER,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    keepNext: true,
  });
}

/** Half a line of space after a table or a figure. */
function spacer(): Paragraph {
  return new Paragraph({ spacing: { line: 280, lineRule: LineRuleType.EXACT } });
}

/** Tables of at most this many rows are kept on one page. */
const SHORT_TABLE = 15;

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;
const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function cell(
  text: string,
  col: TableColumn,
  width: number,
  opts: { header?: boolean; fill?: string | null; keepNext?: boolean }
): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        children: [run(text, opts.header ? FONTS.hei : FONTS.body, SIZE.table)],
        alignment: opts.header ? AlignmentType.CENTER : ALIGN[col.align ?? "left"],
        // Tables keep their own single lines, off the page's grid.
        spacing: { line: 280, lineRule: LineRuleType.AT_LEAST, before: 20, after: 20 },
        keepNext: opts.keepNext,
      }),
    ],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 57, right: 57, top: 0, bottom: 0 },
    shading: opts.fill
      ? { type: ShadingType.CLEAR, color: "auto", fill: opts.fill.replace("#", "") }
      : undefined,
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
  });
}

function table(block: Extract<Block, { kind: "table" }>): (Paragraph | Table)[] {
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((TEXT_WIDTH * c.width) / total));
  // A short table is kept on one page (each row kept with the next, Word's way); a long one runs
  // on with its header repeated. Rows are never split across pages.
  const short = block.rows.length <= SHORT_TABLE;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) =>
      cell(c.header, c, widths[i], { header: true, fill: "#E7E6E6", keepNext: true })
    ),
  });
  const rows = block.rows.map(
    (r: RowData, ri) =>
      new TableRow({
        cantSplit: true,
        children: r.cells.map((t, i) =>
          cell(t, block.columns[i], widths[i], {
            fill: i === block.statusColumn && r.status ? STATUS_STYLE[r.status].fill : null,
            keepNext: short && ri < block.rows.length - 1,
          })
        ),
      })
  );
  const out: (Paragraph | Table)[] = [
    caption(block.caption),
    new Table({
      rows: [header, ...rows],
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
    }),
  ];
  if (block.note) {
    out.push(
      new Paragraph({
        children: [run(block.note, FONTS.body, SIZE.note)],
        spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 60 },
      })
    );
  }
  out.push(spacer());
  return out;
}

function picture(block: Extract<Block, { kind: "chart" }>, pic: Picture): Paragraph[] {
  // The text width in CSS pixels (96 to the inch): 156 mm.
  const width = Math.round((156 / 25.4) * 96);
  const height = Math.round((width * pic.height) / pic.width);
  return [
    new Paragraph({
      children: [
        new ImageRun({
          type: "png",
          data: pic.png,
          transformation: { width, height },
          altText: { name: block.caption, description: block.caption, title: block.caption },
        }),
      ],
      alignment: AlignmentType.CENTER,
      // Single spacing: the body's exact line height would clip the picture to one line.
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 60 },
      keepNext: true,
    }),
    caption(block.caption),
    spacer(),
  ];
}

function pageNumberFooter(side: "odd" | "even"): Footer {
  const font = runFont(FONTS.song);
  return new Footer({
    children: [
      new Paragraph({
        // 一字线 each side of the number; one character in from the edge of the text.
        children: [
          new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font, size: SIZE.pageNumber }),
        ],
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: 280 } : { left: 280 },
      }),
    ],
  });
}

function blocksOf(b: Bulletin, pictures: Picture[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let chart = 0;
  for (const block of b.blocks) {
    if (block.kind === "heading") out.push(heading(block.level, block.text));
    else if (block.kind === "paragraph") {
      const runs = block.runs.map((r) =>
        run(r.text, FONTS.body, SIZE.body, r.bold ? { bold: true } : {})
      );
      out.push(
        body(runs, {
          ...(block.indent ? {} : { indent: {} }),
          ...(block.keepNext ? { keepNext: true } : {}),
        })
      );
    } else if (block.kind === "table") out.push(...table(block));
    else out.push(...picture(block, pictures[chart++]));
  }
  return out;
}

/** The .docx bytes of the bulletin, with the charts' pictures in the order the charts come. */
export async function bulletinDocx(b: Bulletin, pictures: Picture[]): Promise<Uint8Array> {
  const doc = new Document({
    creator: b.issuer,
    title: b.title.join(""),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: runFont(FONTS.body),
            size: SIZE.body,
            language: { value: "en-US", eastAsia: "zh-CN" },
          },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
              header: Math.round(15 * MM),
              footer: Math.round(22 * MM),
            },
          },
          // No snapping grid: exact line spacing and run spacing give 22 × 28 in Word, WPS and LibreOffice alike.
          grid: { type: "default", linePitch: LINE },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: [...titleBlock(b), ...blocksOf(b, pictures)],
      },
    ],
  });
  return Packer.pack(doc, "uint8array", false, [fontTableOverride()]);
}
