/** The pane's first screen in each mode, rendered to HTML (the browser test covers file mode live). */
import { renderToStaticMarkup } from "react-dom/server";
import { App } from "../../src/taskpane/App";
import type { ExcelHost, FileHost } from "../../src/taskpane/host/host";
import type { StringKey } from "../../src/taskpane/text/strings";
import { translate } from "../../src/taskpane/text/strings";

const LIMIT = { zh: "此版本的 Excel 不支持数据条。", en: "This Excel cannot draw data bars." };

function excelHost(lang: "zh" | "en", limits = [LIMIT]): ExcelHost {
  const unused = () => Promise.reject(new Error("not called while rendering"));
  return {
    kind: "excel",
    lang,
    dark: false,
    port: { readSheets: unused, applyPlan: unused, clearAnnotations: unused, appendRows: unused },
    activeSheet: unused,
    selectCell: unused,
    limits,
    supported: true,
    lastReport: () => ({ unmarkedSheets: [], fillOnlyCells: 0 }),
  };
}

const fileHost = (lang: "zh" | "en"): FileHost => ({ kind: "file", lang, dark: false });

/** The text of `key` as it appears in HTML. */
const html = (lang: "zh" | "en", key: StringKey) =>
  translate(lang, key).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

describe("the pane inside Excel", () => {
  it.each(["zh", "en"] as const)(
    "offers Validate this sheet, Analyse and Clear in %s, and no file picker",
    (lang) => {
      const page = renderToStaticMarkup(<App host={excelHost(lang)} />);
      for (const key of [
        "appTitle",
        "validateSheet",
        "analyse",
        "clearAnnotations",
        "asOfLabel",
        "readyHint",
      ] as const) {
        expect(page).toContain(html(lang, key));
      }
      for (const key of ["chooseFile", "download", "validateWorkbook", "fileModeNotice"] as const) {
        expect(page).not.toContain(html(lang, key));
      }
    }
  );

  it("says what an older Excel cannot do, in the pane’s language", () => {
    expect(renderToStaticMarkup(<App host={excelHost("zh")} />)).toContain(LIMIT.zh);
    expect(renderToStaticMarkup(<App host={excelHost("en")} />)).toContain(LIMIT.en);
    expect(renderToStaticMarkup(<App host={excelHost("zh", [])} />)).not.toContain(
      html("zh", "excelLimitsTitle")
    );
  });
});

describe("the pane in a browser (file mode)", () => {
  it.each(["zh", "en"] as const)(
    "offers a file picker and a download in %s, the actions waiting for a file",
    (lang) => {
      const page = renderToStaticMarkup(<App host={fileHost(lang)} />);
      for (const key of [
        "fileModeNotice",
        "chooseFile",
        "noFileYet",
        "validateWorkbook",
        "analyse",
        "download",
      ] as const) {
        expect(page).toContain(html(lang, key));
      }
      expect(page).not.toContain(html(lang, "clearAnnotations"));
      const validate =
        new RegExp(`<button[^>]*>${html(lang, "validateWorkbook")}</button>`).exec(page)?.[0] ?? "";
      expect(validate).toMatch(/disabled/);
    }
  );
});
