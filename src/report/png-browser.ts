/**
 * Charts to PNG in the task pane: the SVG drawn onto a canvas by the browser itself, with the
 * page's own fonts (微软雅黑 in Excel on Windows, PingFang on a Mac), so the pane ships no font.
 */
import type { ChartSvg } from "./charts";

/** Pixels per CSS pixel, as on the command line (png-node.ts). */
const SCALE = 3;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error("the chart could not be drawn"));
    img.src = url;
  });
}

export async function svgToPngCanvas(chart: ChartSvg): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([chart.svg], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const img = await loadImage(url);
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(chart.width * SCALE);
    canvas.height = Math.round(chart.height * SCALE);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no canvas to draw the chart on");
    ctx.fillStyle = "#FFFFFF";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("the chart could not be turned into a picture");
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
