/**
 * report FILE|FOLDER... --out 通报.docx: the quarter's bulletin (监测通报, docs/bulletin.md) as a Word
 * document — from the units' files (consolidated as `consolidate` does) or from a workbook that
 * `consolidate` already wrote. No input is written.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { type ConsolidationInput } from "../../core/consolidate";
import { consolidateHistory } from "../../core/consolidate/history";
import { usableCatalogue } from "../../core/engine";
import { CatalogueError } from "../../core/errors";
import type { Catalogue } from "../../core/model/catalogue";
import { STATUS_STYLE } from "../../core/score";
import { STATUSES } from "../../core/model/results";
import type { WorkbookGrids } from "../../core/model/cells";
import { localIsoDate, writeBulletin } from "../../report";
import { parseIsoDate } from "../../core/util/dates";
import type { BulletinSource } from "../../report/model";
import { isConsolidatedWorkbook, sourceFromWorkbook } from "../../report/from-workbook";
import { sourceFromConsolidation } from "../../report/source";
import { svgToPngNode } from "../../report/png-node";
import { VALUE, parseOptions, UsageError } from "../args";
import { readWorkbook, parseAsOf, samePath, InputError } from "../io";
import { brokenRules, loadRulesFile } from "../rules-file";
import type { CommandContext } from "../main";
import { consolidationLines, displayNames, expandInputs } from "./consolidate";

/** Writes beside the target first: a failed write leaves neither half a document nor the temporary file. */
async function writeDocument(file: string, bytes: Uint8Array): Promise<void> {
  const target = path.resolve(file);
  const existing = await fs.stat(target).catch(() => null);
  if (existing && !existing.isFile())
    throw new InputError(
      `${file}: is not a plain file and is not replaced / 不是普通文件，不能写入`
    );
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new InputError(
      `${file}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}) / 无法写入`
    );
  }
}

function sourceLines(source: BulletinSource): string[] {
  const counts = STATUSES.map(
    (st) => [st, source.indicators.filter((r) => r.status === st).length] as const
  )
    .filter(([, n]) => n > 0)
    .map(([st, n]) => `${STATUS_STYLE[st].symbol} ${STATUS_STYLE[st].zh} ${n}`);
  return [
    `  报告期 ${source.period ?? "—"} · 截至 ${source.asOf ?? "—"}`,
    `  ${counts.join("  ")}`,
    `  全市综合得分 city score: ${source.scores.overall === null ? "—" : source.scores.overall.toFixed(1)}`,
  ];
}

/** --date: the day the bulletin is issued (成文日期), today by default. */
function issueDate(v: string): string {
  if (!parseIsoDate(v)) throw new UsageError(`--date ${v} is not a date (YYYY-MM-DD)`);
  return v;
}

interface Options {
  out: string;
  asOf?: string;
  date: string;
  rulesFile?: string;
}

function options(argv: string[]): { positional: string[]; opts: Options } {
  const { positional, options: o } = parseOptions(argv, {
    out: VALUE,
    "as-of": VALUE,
    rules: VALUE,
    date: VALUE,
  });
  const out = o.out;
  if (!positional.length)
    throw new UsageError("report takes one or more FILEs (or folders), or a consolidated workbook");
  if (!out) throw new UsageError("--out 通报.docx is required");
  if (!/\.docx$/i.test(out)) throw new UsageError("--out must name a .docx file");
  const date = o.date;
  return {
    positional,
    opts: {
      out,
      asOf: parseAsOf(o["as-of"]),
      date: date ? issueDate(date) : localIsoDate(new Date()),
      rulesFile: o.rules,
    },
  };
}

/** The catalogue a consolidated workbook was made by; its broken 指标规则 cannot be reported on. */
function consolidatedCatalogue(file: string, grids: WorkbookGrids, given?: Catalogue): Catalogue {
  try {
    return usableCatalogue(grids, given);
  } catch (e) {
    if (e instanceof CatalogueError) throw brokenRules(file, e);
    throw e;
  }
}

export async function runReport(argv: string[], ctx: CommandContext): Promise<number> {
  const { positional, opts } = options(argv);
  const catalogue = opts.rulesFile ? await loadRulesFile(opts.rulesFile) : undefined;
  const files = (await expandInputs(positional, opts.out)).filter(
    (f) => !opts.rulesFile || !samePath(f, opts.rulesFile)
  );
  if (!files.length) throw new UsageError("no input file besides --out");
  const names = displayNames(files);
  const grids: WorkbookGrids[] = [];
  for (let i = 0; i < files.length; i++) {
    ctx.progress?.(`读取 reading ${i + 1}/${files.length} ${names[i]}`);
    grids.push((await readWorkbook(files[i])).grids);
  }
  ctx.progress?.(null);

  let source: BulletinSource | null;
  let lines: string[];
  if (files.length === 1 && isConsolidatedWorkbook(grids[0])) {
    // A consolidation already made: its 汇总, 填报情况 and 校验结果 are what the office checked.
    source = sourceFromWorkbook(grids[0], consolidatedCatalogue(files[0], grids[0], catalogue));
    if (opts.asOf && source.asOf && opts.asOf !== source.asOf) {
      throw new InputError(
        `${files[0]}: is consolidated as at ${source.asOf}, not ${opts.asOf}; give the units' files to consolidate as at another date / 该汇总表的截至日期为 ${source.asOf}`
      );
    }
    lines = sourceLines(source);
  } else {
    const inputs: ConsolidationInput[] = grids.map((g, i) => ({ file: names[i], grids: g }));
    // As `consolidate` does: of files of several quarters, the latest.
    const result = consolidateHistory(inputs, { asOf: opts.asOf, catalogue });
    source = sourceFromConsolidation(result);
    lines = consolidationLines(result);
  }
  if (!source || !source.indicators.length)
    throw new InputError(
      "nothing to report: no indicator figures for the period / 没有可通报的指标数据"
    );

  ctx.progress?.("生成通报 writing the bulletin");
  const bytes = await writeBulletin(source, { date: opts.date, rasterize: svgToPngNode });
  ctx.progress?.(null);
  await writeDocument(opts.out, bytes);
  ctx.stdout(`监测通报 report ${files.length} 个文件 files`);
  for (const l of lines) ctx.stdout(l);
  ctx.stdout(`  → ${opts.out}`);
  return source.findings.some((f) => f.severity === "error") ? 1 : 0;
}
