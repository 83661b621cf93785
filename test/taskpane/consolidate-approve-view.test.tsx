import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ConsolidateAndApprove } from "../../src/taskpane/components/ConsolidateAndApprove";
import { StringsContext, stringsFor } from "../../src/taskpane/text/i18n";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import type { PaneHost } from "../../src/taskpane/host/host";
import type { Lang } from "../../src/taskpane/text/strings";
import { translate } from "../../src/taskpane/text/strings";

/** Text as React writes it into HTML. */
const html = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/'/g, "&#x27;").replace(/</g, "&lt;");

const fileHost: PaneHost = { kind: "file", lang: "zh", dark: false };

function render(lang: Lang, props: Parameters<typeof ConsolidateAndApprove>[0]): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <StringsContext.Provider value={stringsFor(lang)}>
        <ConsolidateAndApprove {...props} />
      </StringsContext.Provider>
    </FluentProvider>
  );
}

describe("the approval and consolidation sections", () => {
  it.each(["zh", "en"] as const)(
    "show their actions in %s, approve disabled until a sheet is checked",
    (lang) => {
      const page = render(lang, { host: fileHost, port: XlsxWorkbook.empty() });
      for (const key of [
        "approvalTitle",
        "reviewerLabel",
        "reviewerHintFile",
        "approve",
        "consolidateTitle",
        "consolidateFiles",
      ] as const) {
        expect(page).toContain(html(translate(lang, key)));
      }
      expect(page).not.toContain(html(translate(lang, "consolidateTabs")));
      expect(page).toMatch(
        /<button[^>]*disabled[^>]*data-testid="approve"|<button[^>]*data-testid="approve"[^>]*disabled/
      );
    }
  );

  it("offers only consolidation of files without an open file", () => {
    const page = render("zh", { host: fileHost, port: null });
    expect(page).not.toContain(translate("zh", "approvalTitle"));
    expect(page).toContain(translate("zh", "consolidateFiles"));
  });
});
