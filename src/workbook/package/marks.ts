/**
 * The product's marks on a user's sheet — a fill and a note on a cell — made and taken back by
 * editing only the cell's style reference and the sheet's notes. What a cell had before its first
 * mark is kept in the annotation store, so clearing gives back exactly its own format and note.
 */
import { parseAddress } from "../../core/model/cells";
import type { Annotation } from "../../core/model/plan";
import type { StoredOriginal } from "../shared/annotation-store";
import { FILL_ONLY, normaliseAddress, storeKey } from "../shared/annotation-store";
import { CommentsPart, NotesDrawing, commentText } from "./notes";
import { restyleCells } from "./sheet-edit";
import type { StyleChange } from "./sheet-edit";
import { REL_COMMENTS, REL_NS, REL_VML, relativeTarget, relsOf, resolveTarget } from "./structure";
import type { StylesPart } from "./styles";
import { CT_COMMENTS, CT_VML, RelsPart } from "./workbook-edit";
import type { WorkbookParts } from "./workbook-edit";
import type { ZipPackage } from "./zip";

const REL_THREADED = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";

/** What this adapter keeps of a cell before its first mark, in the store's detail column. */
interface Detail {
  xf: number;
  note: string | null;
}

function parseDetail(text: string): Detail | null {
  try {
    const d = JSON.parse(text) as Partial<Detail>;
    return typeof d.xf === "number" && (typeof d.note === "string" || d.note === null)
      ? (d as Detail)
      : null;
  } catch {
    return null; // a hand-edited store, or one written by another adapter: the portable columns serve
  }
}

/** One sheet's pending edits: style changes by cell, and its notes loaded on first use. */
class SheetWork {
  readonly changes = new Map<string, StyleChange>();
  private notes?: {
    comments: CommentsPart;
    drawing: NotesDrawing;
    commentsPart?: string;
    vmlPart?: string;
  };
  private threaded?: Set<string>;
  private merges?: { r0: number; c0: number; r1: number; c1: number; master: string }[];

  constructor(
    private readonly pkg: ZipPackage,
    readonly part: string,
    private readonly blockId: number
  ) {}

  /** The address a mark on `cell` lands on: the top-left cell of a merged range it falls in. */
  master(cell: string): string {
    const addr = normaliseAddress(cell);
    if (!this.merges) {
      const xml = this.pkg.text(this.part) ?? "";
      this.merges = [...xml.matchAll(/<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+):([A-Z]+\d+)"/g)].map(
        (m) => {
          const a = parseAddress(m[1]);
          const b = parseAddress(m[2]);
          return { r0: a.row, c0: a.col, r1: b.row, c1: b.col, master: m[1] };
        }
      );
    }
    const { row, col } = parseAddress(addr);
    const m = this.merges.find((x) => row >= x.r0 && row <= x.r1 && col >= x.c0 && col <= x.c1);
    return m ? m.master : addr;
  }

  private loadNotes() {
    if (this.notes) return this.notes;
    const rels = relsOf(this.pkg, this.part);
    const c = rels.find((r) => r.type === REL_COMMENTS && r.part && this.pkg.has(r.part));
    const v = rels.find((r) => r.type === REL_VML && r.part && this.pkg.has(r.part));
    this.notes = {
      comments: new CommentsPart(c ? this.pkg.text(c.part!) : undefined),
      drawing: new NotesDrawing(v ? this.pkg.text(v.part!) : undefined, this.blockId),
      commentsPart: c?.part,
      vmlPart: v?.part,
    };
    return this.notes;
  }

  /** True when the cell holds a threaded comment: its note is the thread's and is left alone. */
  isThreaded(ref: string): boolean {
    if (!this.threaded) {
      this.threaded = new Set();
      for (const r of relsOf(this.pkg, this.part)) {
        if (r.type !== REL_THREADED || !r.part) continue;
        for (const m of (this.pkg.text(r.part) ?? "").matchAll(
          /<(?:\w+:)?threadedComment\s[^>]*ref="([A-Z]+\d+)"/g
        ))
          this.threaded.add(m[1]);
      }
    }
    return this.threaded.has(ref);
  }

  noteXml(ref: string): string | null {
    return this.loadNotes().comments.get(ref);
  }

  setNote(ref: string, text: string): void {
    const n = this.loadNotes();
    n.comments.setText(ref, text);
    n.drawing.add(ref);
  }

  putNoteXml(ref: string, xml: string | null): void {
    const n = this.loadNotes();
    if (xml === null) {
      n.comments.remove(ref);
      n.drawing.remove(ref);
    } else {
      n.comments.putXml(ref, xml);
      n.drawing.add(ref);
    }
  }

  /** Writes the sheet's changed cells and notes into the package. */
  commit(wb: WorkbookParts): void {
    let xml = this.pkg.text(this.part) ?? "";
    if (this.changes.size) xml = restyleCells(xml, this.changes).xml;
    if (this.notes) xml = this.commitNotes(xml, wb);
    this.pkg.set(this.part, xml);
  }

  private commitNotes(xml: string, wb: WorkbookParts): string {
    const types = wb.types;
    const n = this.notes!;
    const rels = RelsPart.of(this.pkg, this.part);
    const empty = n.comments.size === 0 && !n.drawing.holdsOtherShapes();
    if (empty) {
      // No note left: the parts and links the notes needed go.
      for (const r of rels.list()) {
        if (r.type === REL_COMMENTS || r.type === REL_VML) {
          rels.remove(r.id);
          const part = resolveTarget(this.part, r.target);
          this.pkg.delete(part);
          types.removeOverride(part);
          xml = xml.replace(new RegExp(`<(?:\\w+:)?legacyDrawing\\s[^>]*"${r.id}"[^>]*/>`), "");
        }
      }
    } else {
      const commentsPart = n.commentsPart ?? wb.freePart("xl/comments", ".xml");
      const vmlPart = n.vmlPart ?? wb.freePart("xl/drawings/vmlDrawing", ".vml");
      this.pkg.set(commentsPart, n.comments.toXml());
      this.pkg.set(vmlPart, n.drawing.toXml());
      if (!n.commentsPart) {
        rels.add(REL_COMMENTS, relativeTarget(this.part, commentsPart));
        types.override(commentsPart, CT_COMMENTS);
      }
      if (!n.vmlPart) {
        const id = rels.add(REL_VML, relativeTarget(this.part, vmlPart));
        types.ensureDefault("vml", CT_VML);
        xml = insertLegacyDrawing(xml, id);
      }
      n.commentsPart = commentsPart;
      n.vmlPart = vmlPart;
    }
    const relsXml = rels.toXml();
    if (rels.list().length === 0) this.pkg.delete(rels.part);
    else if (relsXml !== this.pkg.text(rels.part)) this.pkg.set(rels.part, relsXml);
    return xml;
  }
}

/** Elements that follow legacyDrawing in a worksheet, in schema order. */
const AFTER_LEGACY = [
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

function insertLegacyDrawing(xml: string, id: string): string {
  let out = xml;
  const ns = new RegExp(`xmlns:([\\w.-]+)="${REL_NS.replace(/[./]/g, "\\$&")}"`).exec(out);
  let prefix = ns?.[1];
  if (!prefix) {
    prefix = "r";
    out = out.replace(/<((?:\w+:)?worksheet)(?=[\s>])/, `<$1 xmlns:r="${REL_NS}"`);
  }
  const root = /<([A-Za-z_][\w.-]*:)?worksheet[\s>]/.exec(out);
  const p = root?.[1] ?? "";
  const tag = `<${p}legacyDrawing ${prefix}:id="${id}"/>`;
  for (const name of AFTER_LEGACY) {
    const m = new RegExp(`<${p}${name}(?=[\\s/>])`).exec(out);
    if (m) return out.slice(0, m.index) + tag + out.slice(m.index);
  }
  const close = out.lastIndexOf(`</${p}worksheet>`);
  return out.slice(0, close) + tag + out.slice(close);
}

export class SheetMarks {
  private readonly work = new Map<string, SheetWork>();

  constructor(
    private readonly pkg: ZipPackage,
    private readonly wb: WorkbookParts,
    private readonly styles: StylesPart
  ) {}

  private sheet(name: string): SheetWork | undefined {
    let w = this.work.get(name);
    if (w) return w;
    const sheets = this.wb.sheets();
    const index = sheets.findIndex((s) => s.name === name && s.kind === "worksheet" && s.part);
    if (index < 0) return undefined;
    w = new SheetWork(this.pkg, sheets[index].part!, index + 1);
    this.work.set(name, w);
    return w;
  }

  /** Puts back what a cell had before its first mark. */
  private restoreOne(o: StoredOriginal): void {
    const w = this.sheet(o.sheet);
    if (!w) return;
    const d = parseDetail(o.detail);
    w.changes.set(o.cell, (current) => (d ? d.xf : this.styles.withFill(current, o.fill)));
    // A cell marked with the fill only (by Excel, where a colleague's comment held the slot) keeps its note.
    if (w.isThreaded(o.cell) || o.detail === FILL_ONLY) return;
    if (d) w.putNoteXml(o.cell, d.note);
    else if (o.note === null) w.putNoteXml(o.cell, null);
    else w.setNote(o.cell, o.note);
  }

  /** Restores the stored cells `which` picks; returns the entries left in the store. */
  restore(stored: StoredOriginal[], which: (o: StoredOriginal) => boolean): StoredOriginal[] {
    const keep: StoredOriginal[] = [];
    for (const o of stored) {
      if (which(o)) this.restoreOne(o);
      else keep.push(o);
    }
    this.commit();
    return keep;
  }

  /** Marks cells; on the `replace` sheets, cells marked before and not now get their own look back. */
  annotate(
    stored: StoredOriginal[],
    annotations: Annotation[],
    replace: Set<string>
  ): StoredOriginal[] {
    const targets = annotations.map((a) => ({ a, cell: this.sheet(a.sheet)!.master(a.cell) }));
    const marked = new Set(targets.map((t) => storeKey(t.a.sheet, t.cell)));
    const out: StoredOriginal[] = [];
    for (const o of stored) {
      if (replace.has(o.sheet) && !marked.has(storeKey(o.sheet, o.cell))) this.restoreOne(o);
      else out.push(o);
    }
    const known = new Map(out.map((o) => [storeKey(o.sheet, o.cell), o]));
    for (const { a, cell } of targets) {
      const w = this.sheet(a.sheet)!;
      const key = storeKey(a.sheet, cell);
      const prior = known.get(key);
      const priorXf = prior ? parseDetail(prior.detail)?.xf : undefined;
      if (!prior) {
        // Keep the cell's own look once, before the first mark; later marks must not overwrite it.
        const note = w.noteXml(cell);
        const entry: StoredOriginal = {
          sheet: a.sheet,
          cell,
          fill: null,
          note: note === null ? null : commentText(note),
          detail: "",
        };
        known.set(key, entry);
        out.push(entry);
        w.changes.set(cell, (old) => {
          entry.fill = this.styles.fillOf(old);
          entry.detail = JSON.stringify({ xf: old, note } satisfies Detail);
          return this.styles.withFill(old, a.fill);
        });
      } else {
        // Marked before: the new fill goes on the cell's own format, so marks never pile up.
        w.changes.set(cell, (old) => this.styles.withFill(priorXf ?? old, a.fill));
      }
      if (!w.isThreaded(cell)) w.setNote(cell, a.note);
    }
    this.commit();
    return out;
  }

  private commit(): void {
    for (const w of this.work.values()) w.commit(this.wb);
    this.work.clear();
  }
}
