/** A PNG's pixels for the tests (8-bit RGB or RGBA, not interlaced: what resvg and a canvas write). */
import { inflateSync } from "zlib";

export interface Pixels {
  width: number;
  height: number;
  /** Bytes per pixel: 3 (RGB) or 4 (RGBA). */
  channels: number;
  data: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(png: Uint8Array): Pixels {
  const b = Buffer.from(png);
  if (!b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])))
    throw new Error("not a PNG");
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const [depth, colour, , , interlace] = [b[24], b[25], b[26], b[27], b[28]];
  if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace)
    throw new Error(`unsupported PNG (depth ${depth}, colour ${colour})`);
  const channels = colour === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < b.length;) {
    const len = b.readUInt32BE(at);
    if (b.toString("latin1", at + 4, at + 8) === "IDAT")
      idat.push(b.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? data[y * stride + x - channels] : 0;
      const up = y > 0 ? data[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels] : 0;
      const pred =
        filter === 1
          ? a
          : filter === 2
            ? up
            : filter === 3
              ? (a + up) >> 1
              : filter === 4
                ? paeth(a, up, c)
                : 0;
      data[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** The share of pixels that are not (nearly) white and opaque. */
export function inkShare(p: Pixels): number {
  let inked = 0;
  for (let i = 0; i < p.data.length; i += p.channels) {
    const alpha = p.channels === 4 ? p.data[i + 3] : 255;
    if (alpha < 250 || p.data[i] < 230 || p.data[i + 1] < 230 || p.data[i + 2] < 230) inked++;
  }
  return inked / (p.width * p.height);
}
