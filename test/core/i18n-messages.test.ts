/** The texts of findings whose words depend on why the rule fired: both languages say the same. */
import { MESSAGES } from "../../src/core/i18n/messages";
import { STATUS_WORDS } from "../../src/core/i18n/status-messages";
import { STATUS_STYLE } from "../../src/core/score/status-style";
import { STATUSES } from "../../src/core/model/results";

describe("messages worded from a key", () => {
  it("outlier_jump names what the figure is compared with", () => {
    const base = { ind: "B1 粮食播种面积", found: 9, expected: 3 };
    const baseline = MESSAGES.outlier_jump({ ...base, against: "baseline" });
    expect(baseline.zh).toContain("由基期值 3 变为 9");
    expect(baseline.en).toContain("(baseline)");
    const previous = MESSAGES.outlier_jump({ ...base, against: "previous" });
    expect(previous.zh).toContain("由上期 3 变为 9");
    expect(previous.en).toContain("(previous period)");
  });

  it("remark_required says why a remark is asked for", () => {
    const critical = MESSAGES.remark_required({ ind: "A1", why: "critical" });
    expect(critical.zh).toContain("A1 严重滞后，");
    expect(critical.en).toContain("is critically behind");
    const decreased = MESSAGES.remark_required({ ind: "A1", why: "decreased" });
    expect(decreased.zh).toContain("A1 较上期下降，");
    expect(decreased.en).toContain("is down on the previous period");
  });

  it("duplicate_indicator names the first row by its cell, else by its number", () => {
    expect(MESSAGES.duplicate_indicator({ ind: "A1", other: "B5" }).zh).toContain("另见 B5");
    const byRow = MESSAGES.duplicate_indicator({ ind: "A1", row: 7 });
    expect(byRow.zh).toContain("另见 第 7 行");
    expect(byRow.en).toContain("also at row 7");
  });
});

describe("status words", () => {
  it("are the words the status styles show", () => {
    for (const s of STATUSES) {
      expect(STATUS_STYLE[s].zh).toBe(STATUS_WORDS[s].zh);
      expect(STATUS_STYLE[s].en).toBe(STATUS_WORDS[s].en);
    }
  });
});
