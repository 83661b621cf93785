import { analyseWorkbook, validateWorkbook } from "../../src/core/engine";
import type { WorkbookGrids } from "../../src/core/model/cells";
import type { Finding, IndicatorResult } from "../../src/core/model/results";
import type { WritePlan } from "../../src/core/model/plan";
import type { WorkbookPort } from "../../src/workbook/port";
import {
  PaneError,
  countSeverities,
  countStatuses,
  formatScore,
  groupFindings,
  runCheck,
} from "../../src/taskpane/run";
import type { StringKey } from "../../src/taskpane/strings";
import { bureauSheet } from "../helpers/grid";
import { indicatorNames } from "../../src/taskpane/indicator-names";
import { validationScope } from "../../src/core/scope";

/** A workbook port that records what the pane asks of it. */
class RecordingPort implements WorkbookPort {
  calls: string[] = [];
  plans: WritePlan[] = [];
  constructor(
    private readonly grids: WorkbookGrids,
    private readonly fail: Partial<Record<"read" | "apply" | "clear", Error>> = {}
  ) {}
  async readSheets(names?: string[]): Promise<WorkbookGrids> {
    this.calls.push(names ? `read:${names.join(",")}` : "read");
    if (this.fail.read) throw this.fail.read;
    return this.grids;
  }
  async applyPlan(plan: WritePlan): Promise<void> {
    this.calls.push("apply");
    if (this.fail.apply) throw this.fail.apply;
    this.plans.push(plan);
  }
  async clearAnnotations(sheet?: string): Promise<void> {
    this.calls.push(`clear:${sheet ?? "*"}`);
    if (this.fail.clear) throw this.fail.clear;
  }
  async appendRows(): Promise<void> {
    this.calls.push("append");
  }
}

const sheet = bureauSheet([
  ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, ""],
  ["C1", "市级众创空间", "家", 0, 10, 7, 6, ""],
  ["C2", "省级科技企业孵化器", "个", 0, 1, "待统计", "", ""],
  ["C4", "省级技术创新中心", "个", 0, 2, 1.5, "", ""],
]);
const workbook: WorkbookGrids = { sheets: [sheet] };

async function failureKey(work: Promise<unknown>): Promise<StringKey> {
  const e = await work.then(
    () => null,
    (err: unknown) => err
  );
  if (!(e instanceof PaneError)) throw new Error(`expected a PaneError, got ${String(e)}`);
  return e.key;
}

describe("runCheck", () => {
  it("reads, analyses, clears the old marks and writes the plan, reporting each step", async () => {
    const port = new RecordingPort(workbook);
    const steps: StringKey[] = [];
    const result = await runCheck(
      port,
      "analyse",
      { asOf: "2022-09-30" },
      (s) => void steps.push(s)
    );
    expect(steps).toEqual(["stepReading", "stepAnalysing", "stepWriting"]);
    expect(port.calls).toEqual(["read", "clear:*", "apply"]);
    const direct = analyseWorkbook(workbook, { asOf: "2022-09-30" });
    expect(result.scores).toEqual(direct.scores);
    expect(port.plans[0]).toEqual(direct.plan);
    expect(port.plans[0].sheets.map((s) => s.name)).toContain("差距分析");
  });

  it("validates one sheet, reading it with the rules and approvals sheets, and clearing only that sheet", async () => {
    const port = new RecordingPort(workbook);
    const result = await runCheck(port, "validate", { sheet: "监测表" }, () => undefined);
    expect(port.calls).toEqual(["read:监测表,指标规则,审核记录", "clear:监测表", "apply"]);
    expect(result.findings).toEqual(validateWorkbook(workbook, { sheet: "监测表" }).findings);
    expect(result.indicators).toEqual([]);
  });

  it.each(["校验结果", "差距分析"])(
    "validated from the result sheet %s, checks every monitoring sheet, as the ribbon's button does",
    async (active) => {
      const withResults: WorkbookGrids = {
        sheets: [
          ...workbook.sheets,
          { name: active, rows: [[{ value: "序号" }, { value: "严重程度" }]] },
        ],
      };
      const port = new RecordingPort(withResults);
      const result = await runCheck(
        port,
        "validate",
        { sheet: validationScope(active) },
        () => undefined
      );
      expect(result.findings.map((f) => f.rule)).not.toContain("sheet_not_recognised");
      expect(result.findings).toEqual(validateWorkbook(withResults).findings);
      expect(port.calls[0]).toBe("read");
    }
  );

  it("validates 指标规则 itself when run from it, and any user sheet on its own", () => {
    expect(validationScope("指标规则")).toBe("指标规则");
    expect(validationScope("监测表")).toBe("监测表");
    expect(validationScope("校验结果")).toBeUndefined();
    expect(validationScope("汇总")).toBeUndefined();
  });

  it("waits for each step to be shown before doing it", async () => {
    const port = new RecordingPort(workbook);
    const seen: string[] = [];
    await runCheck(port, "validate", {}, async (s) => {
      await new Promise((r) => setTimeout(r, 5));
      seen.push(`${s}@${port.calls.length}`);
    });
    expect(seen).toEqual(["stepReading@0", "stepValidating@1", "stepWriting@1"]);
  });

  it("names the step that failed, keeping the cause", async () => {
    const cause = new Error("disk gone");
    const read = runCheck(
      new RecordingPort(workbook, { read: cause }),
      "analyse",
      {},
      () => undefined
    );
    await expect(read).rejects.toMatchObject({ key: "errorRead", cause });
    expect(
      await failureKey(
        runCheck(
          new RecordingPort(workbook, { apply: new Error("protected") }),
          "analyse",
          {},
          () => undefined
        )
      )
    ).toBe("errorWrite");
    expect(
      await failureKey(
        runCheck(
          new RecordingPort(workbook, { clear: new Error("protected") }),
          "validate",
          {},
          () => undefined
        )
      )
    ).toBe("errorWrite");
    // The engine refuses a sheet that is not there.
    expect(
      await failureKey(
        runCheck(new RecordingPort(workbook), "validate", { sheet: "没有这张表" }, () => undefined)
      )
    ).toBe("errorRun");
  });

  it("writes nothing when the engine fails", async () => {
    const port = new RecordingPort(workbook);
    await expect(
      runCheck(port, "validate", { sheet: "nope" }, () => undefined)
    ).rejects.toBeInstanceOf(PaneError);
    expect(port.calls).toEqual(["read:nope,指标规则,审核记录"]);
  });
});

const finding = (
  severity: Finding["severity"],
  indicator: string | undefined,
  cell: string
): Finding => ({
  rule: "missing_value",
  severity,
  sheet: "S",
  cell,
  indicator,
  message: { zh: cell, en: cell },
});

describe("groupFindings", () => {
  it("puts errors before warnings, sheet-wide findings first, indicators in code order, engine order inside", () => {
    const findings = [
      finding("warning", "C10", "F1"),
      finding("error", "C2", "F2"),
      finding("error", undefined, "A1"),
      finding("error", "A1", "F3"),
      finding("error", "C2", "F4"),
      finding("warning", "C9", "F5"),
    ];
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.severity, g.count])).toEqual([
      ["error", 4],
      ["warning", 2],
    ]);
    expect(groups[0].groups.map((g) => [g.indicator, g.items.map((i) => i.finding.cell)])).toEqual([
      [null, ["A1"]],
      ["A1", ["F3"]],
      ["C2", ["F2", "F4"]],
    ]);
    expect(groups[1].groups.map((g) => g.indicator)).toEqual(["C9", "C10"]);
    // Each item keeps its index in the run's findings, the key the list selects by.
    expect(groups[0].groups[2].items.map((i) => i.index)).toEqual([1, 4]);
  });

  it("leaves out a severity without findings", () => {
    expect(groupFindings([finding("warning", "A1", "F1")]).map((g) => g.severity)).toEqual([
      "warning",
    ]);
    expect(groupFindings([])).toEqual([]);
  });
});

describe("summary figures", () => {
  const result = analyseWorkbook(workbook, { asOf: "2022-09-30" });

  it("counts statuses in the order of STATUSES, leaving out those no indicator has", () => {
    const rows = [
      { status: "lagging" },
      { status: "met" },
      { status: "lagging" },
      { status: "invalid" },
    ] as IndicatorResult[];
    expect(countStatuses(rows)).toEqual([
      { status: "met", count: 1 },
      { status: "lagging", count: 2 },
      { status: "invalid", count: 1 },
    ]);
    expect(countStatuses(result.indicators).reduce((n, s) => n + s.count, 0)).toBe(
      result.indicators.length
    );
  });

  it("counts errors and warnings", () => {
    const n = countSeverities(result.findings);
    expect(n.error + n.warning).toBe(result.findings.length);
    expect(n.error).toBe(result.findings.filter((f) => f.severity === "error").length);
  });

  it("shows scores with one decimal", () => {
    expect(formatScore(61.25)).toBe("61.3");
    expect(formatScore(100)).toBe("100.0");
    expect(formatScore(0)).toBe("0.0");
  });

  it("names indicators from the results, else from the catalogue", () => {
    const names = indicatorNames(result);
    expect(names.get("A1")).toBe("R&D经费投入强度");
    expect(names.get("H5")).toBe("特色种植基地项目");
  });
});
