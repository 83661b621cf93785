import fc from "fast-check";
import { parseMilestone } from "../../../src/core/read/milestone";

describe("parseMilestone", () => {
  it.each([
    "已完成",
    "完成",
    "已落实",
    "落实",
    "是",
    "已建成",
    "建成",
    "已实现",
    "全部完成",
    "done",
    "Done",
    "YES",
    "completed",
    "✓",
    "√",
    "已完成。",
    " 已完成 ",
    "已完成，详见附件",
    "完成（2022年6月）",
    "已完成相关政策制定",
    "已落实各项激励政策",
    "１",
  ])("%p is done (1)", (text) => {
    expect(parseMilestone(text)).toBe(1);
  });

  it.each([
    "推进中",
    "进行中",
    "部分完成",
    "正在推进",
    "在建",
    "正在实施",
    "建设中",
    "已启动",
    "in progress",
    "In  Progress",
    "ongoing",
    "部分完成，剩余工作年底前完成",
    "正在推进相关工作",
    "0.5",
  ])("%p is in progress (0.5)", (text) => {
    expect(parseMilestone(text)).toBe(0.5);
  });

  it.each([
    "未启动",
    "未完成",
    "未开始",
    "否",
    "没有",
    "未落实",
    "尚未启动",
    "尚未完成",
    "暂未开展",
    "not started",
    "No",
    "×",
    "未完成。",
    "未完成，计划明年实施",
    "0",
  ])("%p is not started (0)", (text) => {
    expect(parseMilestone(text)).toBe(0);
  });

  it.each([
    "",
    "  ",
    "基本完成",
    "完成率50%",
    "是否完成",
    "已完成80%",
    "政策已落实",
    "待定",
    "maybe",
    "2",
    "100%",
    "完成了吗",
    "yesterday",
  ])("%p does not say clearly (null)", (text) => {
    expect(parseMilestone(text)).toBeNull();
  });

  it("never throws and gives only a score or null", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .constantFrom("已", "未", "完成", "部分", "推进", "中", "，", "1", "%")
            .chain((w) => fc.string().map((s) => w + s))
        ),
        (text) => {
          expect([0, 0.5, 1, null]).toContain(parseMilestone(text));
        }
      )
    );
  });
});
