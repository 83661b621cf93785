/**
 * The build's two shapes: `npm run build` (the Excel add-in and the pane) is unchanged by the WPS
 * add-in, which only `npm run build:wps` (env.wps) adds, into a folder of its own.
 */
import * as path from "path";
import type webpack from "webpack";
import { REPO_ROOT } from "../taskpane/harness";

type MakeConfig = (
  env: Record<string, unknown>,
  options: { mode: string }
) => Promise<webpack.Configuration>;
const makeConfig = require(path.join(REPO_ROOT, "webpack.config.js")) as MakeConfig;

const outputs = (c: webpack.Configuration) =>
  (c.plugins ?? [])
    .map((p) => (p as { userOptions?: { filename?: string } }).userOptions?.filename)
    .filter(Boolean);

describe("webpack.config.js", () => {
  it("builds the Excel add-in into dist/ without any part of the WPS add-in", async () => {
    const excel = await makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
    expect(Object.keys(excel.entry as object).sort()).toEqual(["commands", "taskpane"]);
    expect(excel.output?.path).toBe(path.join(REPO_ROOT, "dist"));
    expect(outputs(excel)).toEqual(["taskpane.html", "commands.html"]);
  });

  it("adds the WPS add-in's page and ribbon into dist-wps/site with env.wps", async () => {
    const wps = await makeConfig({ WEBPACK_BUILD: true, wps: true }, { mode: "production" });
    expect(Object.keys(wps.entry as object).sort()).toEqual(["commands", "taskpane", "wps"]);
    expect(wps.output?.path).toBe(path.join(REPO_ROOT, "dist-wps", "site"));
    expect(outputs(wps)).toEqual(["taskpane.html", "commands.html", "index.html"]);
  });
});
