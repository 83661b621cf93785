/**
 * Checks the pages of a bulletin rendered to PNG (by scripts/check-bulletin-libreoffice.sh): each is
 * A4 and has nothing drawn in the margins around the 版心 (天头 37 mm, 订口 28 mm, right 26 mm;
 * docs/bulletin.md) — so no table or chart runs off the text area. Prints one line per page.
 *
 *   node bin/run-ts.js scripts/check-bulletin-pages.ts FOLDER_OF_PNG_PAGES
 */
import * as fs from "fs";
import * as path from "path";
import { decodePng, type Pixels } from "../test/report/png";

/** Millimetres of slack: LibreOffice rounds, and anti-aliasing spills a pixel. */
const SLACK = 1.5;

function inked(p: Pixels, x: number, y: number): boolean {
  const i = (y * p.width + x) * p.channels;
  return p.data[i] < 200 || p.data[i + 1] < 200 || p.data[i + 2] < 200;
}

/** Where ink is found outside the 版心's left, right and top edges, if anywhere. */
function outside(p: Pixels): string | null {
  const mm = p.width / 210;
  const left = Math.floor((28 - SLACK) * mm);
  const right = Math.ceil((210 - 26 + SLACK) * mm);
  const top = Math.floor((37 - SLACK) * mm);
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      const margin = x < left ? "left" : x > right ? "right" : y < top ? "top" : null;
      if (margin && inked(p, x, y))
        return `${margin} margin at ${(x / mm).toFixed(0)} mm, ${(y / mm).toFixed(0)} mm`;
    }
  }
  return null;
}

function main(): number {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("usage: check-bulletin-pages.ts FOLDER\n");
    return 2;
  }
  const pages = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".png"))
    .sort();
  let failures = 0;
  for (const f of pages) {
    const p = decodePng(fs.readFileSync(path.join(dir, f)));
    const a4 = Math.abs(p.height / p.width - 297 / 210) < 0.01;
    const spill = outside(p);
    const ok = a4 && !spill;
    if (!ok) failures++;
    process.stdout.write(
      `  ${f}: ${p.width}×${p.height}${a4 ? " A4" : " not A4"}${spill ? `, ink in the ${spill}` : ", margins clear"}\n`
    );
  }
  process.stdout.write(`${pages.length - failures} passed, ${failures} failed\n`);
  return pages.length && !failures ? 0 : 1;
}

process.exitCode = main();
