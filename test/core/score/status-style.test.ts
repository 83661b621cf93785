import { STATUSES } from "../../../src/core/model/results";
import { STATUS_STYLE, statusLabel } from "../../../src/core/score/status-style";

describe("STATUS_STYLE (docs/specification.md §6)", () => {
  it("styles every status with a symbol and both languages", () => {
    for (const status of STATUSES) {
      const style = STATUS_STYLE[status];
      expect(style.symbol).not.toBe("");
      expect(style.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(style.en).toMatch(/[A-Za-z]/);
      expect(style.text).toMatch(/^#[0-9A-F]{6}$/);
      if (style.fill !== null) expect(style.fill).toMatch(/^#[0-9A-F]{6}$/);
    }
  });

  it("uses Excel's cell-style colours", () => {
    expect(STATUS_STYLE.met).toEqual({
      symbol: "✔",
      zh: "已达标",
      en: "Met",
      fill: "#C6EFCE",
      text: "#006100",
    });
    expect(STATUS_STYLE.on_track).toEqual({
      symbol: "●",
      zh: "序时推进",
      en: "On track",
      fill: "#DDEBF7",
      text: "#1F4E78",
    });
    expect(STATUS_STYLE.lagging).toEqual({
      symbol: "▲",
      zh: "滞后",
      en: "Lagging",
      fill: "#FFEB9C",
      text: "#9C5700",
    });
    expect(STATUS_STYLE.critical).toEqual({
      symbol: "✖",
      zh: "严重滞后",
      en: "Critical",
      fill: "#FFC7CE",
      text: "#9C0006",
    });
    expect(STATUS_STYLE.no_data).toEqual({
      symbol: "○",
      zh: "未填报",
      en: "No data",
      fill: "#EDEDED",
      text: "#595959",
    });
    expect(STATUS_STYLE.no_target).toEqual({
      symbol: "–",
      zh: "无目标",
      en: "No target",
      fill: null,
      text: "#595959",
    });
    expect(STATUS_STYLE.not_applicable).toEqual({
      symbol: "–",
      zh: "不适用",
      en: "N/A",
      fill: null,
      text: "#595959",
    });
    expect(STATUS_STYLE.invalid).toEqual({
      symbol: "!",
      zh: "数据有误",
      en: "Invalid",
      fill: "#E4DFEC",
      text: "#5B2C6F",
    });
  });

  it("labels with the symbol first", () => {
    expect(statusLabel("lagging", "zh")).toBe("▲ 滞后");
    expect(statusLabel("met", "en")).toBe("✔ Met");
  });
});
