/**
 * Charts to PNG on the command line, with resvg (the npm package @resvg/resvg-js: prebuilt per
 * platform, no system package). Chinese text needs a font file: the product depends on the npm
 * package @expo-google-fonts/noto-sans-sc and uses its regular weight only, so every machine draws
 * the same pictures (docs/bulletin.md). Without it, the machine's own fonts are used.
 */
import * as fs from "fs";
import type { ChartSvg } from "./charts";

/** Pixels per CSS pixel: a 560-wide chart becomes 1680 pixels, about 270 dpi at 156 mm. */
const SCALE = 3;

let fontFile: string | null | undefined;

function shippedFont(): string | null {
  if (fontFile !== undefined) return fontFile;
  try {
    const dir = require
      .resolve("@expo-google-fonts/noto-sans-sc/package.json")
      .replace(/package\.json$/, "");
    const file = `${dir}400Regular/NotoSansSC_400Regular.ttf`;
    fontFile = fs.existsSync(file) ? file : null;
  } catch {
    fontFile = null;
  }
  return fontFile;
}

export async function svgToPngNode(chart: ChartSvg): Promise<Uint8Array> {
  // Loaded here, not on import: only the report command draws charts.
  const { Resvg } = await import("@resvg/resvg-js");
  const font = shippedFont();
  const resvg = new Resvg(chart.svg, {
    fitTo: { mode: "zoom", value: SCALE },
    font: font
      ? {
          loadSystemFonts: false,
          fontFiles: [font],
          defaultFontFamily: "Noto Sans SC",
          sansSerifFamily: "Noto Sans SC",
        }
      : { loadSystemFonts: true },
    background: "#ffffff",
  });
  return new Uint8Array(resvg.render().asPng());
}
