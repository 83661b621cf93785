/**
 * Sizes of the task pane's JavaScript, gzipped: what Excel loads when the pane opens (the scripts
 * of taskpane.html), and the chunks fetched later — the file-mode chunks (the workbook-file reader
 * and writer, the other formats' readers), which a pane inside Excel never loads.
 *
 *   npm run bundle-size              builds for production into a temporary directory
 *   npm run bundle-size -- dist      reads an existing build (npm run build) instead
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { buildPane } from '../test/taskpane/harness';

interface Sized {
  file: string;
  raw: number;
  gzip: number;
}

function size(dir: string, file: string): Sized {
  const bytes = fs.readFileSync(path.join(dir, file));
  return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

/** The scripts a page loads at once: the <script src> of its HTML that are served from the build. */
function initialScripts(dir: string, html: string): string[] {
  const text = fs.readFileSync(path.join(dir, html), 'utf8');
  // Production HTML is minified: attribute quotes may be gone.
  return [...text.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1].replace(/^\.?\//, ''))
    .filter((src) => !/^https?:/.test(src) && fs.existsSync(path.join(dir, src)));
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function report(title: string, files: Sized[]): void {
  const total = files.reduce((acc, f) => ({ raw: acc.raw + f.raw, gzip: acc.gzip + f.gzip }), { raw: 0, gzip: 0 });
  process.stdout.write(`${title}: ${total.gzip} bytes gzip (${kib(total.gzip)}; ${kib(total.raw)} minified)\n`);
  for (const f of files) process.stdout.write(`  ${f.file}  ${f.gzip} bytes gzip, ${f.raw} bytes\n`);
}

async function main(): Promise<void> {
  let dir = process.argv[2];
  let tmp: string | null = null;
  if (!dir) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-size-'));
    dir = path.join(tmp, 'dist');
    process.stdout.write('building the pane for production…\n');
    await buildPane(dir);
  }
  if (!fs.existsSync(path.join(dir, 'taskpane.html'))) throw new Error(`${dir} holds no taskpane.html: run npm run build first`);
  try {
    const initial = initialScripts(dir, 'taskpane.html');
    const commands = fs.existsSync(path.join(dir, 'commands.html')) ? initialScripts(dir, 'commands.html') : [];
    const later = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.js') && !initial.includes(f) && !commands.includes(f))
      .sort();
    report('task pane, initial JS (what Excel loads)', initial.map((f) => size(dir, f)));
    report('file mode, ExcelJS chunk (browser only, loaded when a file is picked)', later.map((f) => size(dir, f)));
    if (commands.length) report('ribbon commands', commands.map((f) => size(dir, f)));
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
