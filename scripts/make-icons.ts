/**
 * Draws the add-in's icons — a green tile with three rising bars and a tick — and writes them as
 * PNG files to assets/ (icon-16.png … icon-128.png). Run: node bin/run-ts.js scripts/make-icons.ts
 *
 * The PNGs are committed; this script is how they were made and how to remake them. Shapes are
 * described on a unit square and sampled 4×4 times per pixel, so small sizes stay smooth.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128];

type RGBA = [number, number, number, number];

const TILE: RGBA = [0x21, 0x73, 0x46, 255]; // Excel green
const BAR: RGBA = [255, 255, 255, 255];
const TICK: RGBA = [0xff, 0xd9, 0x66, 255];

/** Inside a rounded rectangle. */
function inRoundedRect(
  x: number,
  y: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number
): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Within `width / 2` of the segment from a to b. */
function nearSegment(
  x: number,
  y: number,
  a: [number, number],
  b: [number, number],
  width: number
): boolean {
  const [ax, ay] = a;
  const [bx, by] = b;
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2))
  );
  const px = ax + t * (bx - ax);
  const py = ay + t * (by - ay);
  return (x - px) ** 2 + (y - py) ** 2 <= (width / 2) ** 2;
}

const BARS = [
  { x: 0.17, top: 0.6 },
  { x: 0.33, top: 0.47 },
  { x: 0.49, top: 0.34 },
];
const BAR_WIDTH = 0.12;
const BAR_BOTTOM = 0.82;
const TICK_POINTS: [number, number][] = [
  [0.63, 0.55],
  [0.72, 0.66],
  [0.87, 0.36],
];

/** The colour at a point of the unit square (y down), or transparent. */
function colourAt(x: number, y: number): RGBA {
  if (
    nearSegment(x, y, TICK_POINTS[0], TICK_POINTS[1], 0.09) ||
    nearSegment(x, y, TICK_POINTS[1], TICK_POINTS[2], 0.09)
  ) {
    return TICK;
  }
  for (const bar of BARS) {
    if (x >= bar.x && x <= bar.x + BAR_WIDTH && y >= bar.top && y <= BAR_BOTTOM) return BAR;
  }
  if (inRoundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.18)) return TILE;
  return [0, 0, 0, 0];
}

/** RGBA pixels of the icon at `size` × `size`. */
export function drawIcon(size: number): Uint8Array {
  const samples = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Average premultiplied colour over the samples, so edges blend into transparency cleanly.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size
          );
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      pixels[i] = a ? Math.round(r / a) : 0;
      pixels[i + 1] = a ? Math.round(g / a) : 0;
      pixels[i + 2] = a ? Math.round(b / a) : 0;
      pixels[i + 3] = Math.round(a / (samples * samples));
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const body = Buffer.concat([head.subarray(4), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** A PNG file of RGBA pixels: 8 bits per channel, no filtering, zlib-deflated. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter type None for each scanline
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(
      raw,
      y * (width * 4 + 1) + 1
    );
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

export function iconFileName(size: number): string {
  return `icon-${size}.png`;
}

function main(): void {
  const dir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(dir, iconFileName(size));
    fs.writeFileSync(file, encodePng(size, size, drawIcon(size)));
    process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
  }
}

// Run as a script (bin/run-ts.js scripts/make-icons.ts); imported by the tests, it only exports.
if (process.argv[1] && path.basename(process.argv[1]) === "make-icons.ts") main();
