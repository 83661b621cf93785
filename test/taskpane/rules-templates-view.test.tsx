import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { RulesAndTemplates } from "../../src/taskpane/components/RulesAndTemplates";
import { StringsContext, stringsFor } from "../../src/taskpane/text/i18n";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import type { Lang } from "../../src/taskpane/text/strings";
import { translate } from "../../src/taskpane/text/strings";

function render(lang: Lang, props: Parameters<typeof RulesAndTemplates>[0]): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <StringsContext.Provider value={stringsFor(lang)}>
        <RulesAndTemplates {...props} />
      </StringsContext.Provider>
    </FluentProvider>
  );
}

describe("the rules and templates section", () => {
  it.each(["zh", "en"] as const)("shows its actions in %s", (lang) => {
    const html = render(lang, { port: XlsxWorkbook.empty(), dataValidation: true });
    for (const key of [
      "rulesTitle",
      "rulesWrite",
      "templateUnit",
      "templatePeriod",
      "templateAdd",
    ] as const) {
      expect(html).toContain(translate(lang, key));
    }
    expect(html).not.toContain(translate(lang, "templateNoValidation"));
  });

  it("says so on an Excel without data validation", () => {
    expect(render("zh", { port: XlsxWorkbook.empty(), dataValidation: false })).toContain(
      "ExcelApi 1.8"
    );
  });

  it("is absent without a workbook", () => {
    expect(render("zh", { port: null, dataValidation: true })).not.toContain(
      translate("zh", "rulesTitle")
    );
  });
});
