import { oneAtATime } from "../../src/taskpane/one-at-a-time";
import type { StringKey } from "../../src/taskpane/strings";

/** A promise with its resolve and reject, to hold an action open while another click arrives. */
function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** An action that notes whether it ran. */
function action() {
  const a = {
    ran: false,
    work: async () => {
      a.ran = true;
    },
  };
  return a;
}

function gate(clear?: () => void) {
  const shown: (StringKey | null)[] = [];
  const failures: unknown[] = [];
  const perform = oneAtATime(
    (step) => shown.push(step),
    () => ({ clear })
  );
  return { perform, shown, failures, fail: (e: unknown) => failures.push(e) };
}

describe("one action at a time", () => {
  it("ignores a second action started while the first is under way", async () => {
    const g = gate();
    const first = deferred();
    const secondRan = action();
    const running = g.perform("stepReading", () => first.promise, g.fail);
    await g.perform("stepSaving", secondRan.work, g.fail);
    expect(secondRan.ran).toBe(false);
    first.resolve();
    await running;
    expect(g.shown).toEqual(["stepReading", null]);
  });

  it("starts the next action once the first has ended", async () => {
    const g = gate();
    await g.perform("stepReading", async () => undefined, g.fail);
    const ran = action();
    await g.perform("stepSaving", ran.work, g.fail);
    expect(ran.ran).toBe(true);
    expect(g.shown).toEqual(["stepReading", null, "stepSaving", null]);
  });

  it("shows each step the action reports, and clears the last action's messages first", async () => {
    const order: string[] = [];
    const g = gate(() => order.push("clear"));
    await g.perform(
      "stepLoadingReader",
      async (step) => {
        order.push("work");
        await step("stepReading");
        await step("stepConsolidating");
      },
      g.fail
    );
    expect(order).toEqual(["clear", "work"]);
    expect(g.shown).toEqual(["stepLoadingReader", "stepReading", "stepConsolidating", null]);
  });

  it("hands a failure to `fail`, ends the step and lets the next action start", async () => {
    const g = gate();
    const boom = new Error("boom");
    const held = deferred();
    const failing = g.perform("stepWriting", () => held.promise, g.fail);
    held.reject(boom);
    await failing;
    expect(g.failures).toEqual([boom]);
    expect(g.shown).toEqual(["stepWriting", null]);
    const ran = action();
    await g.perform("stepSaving", ran.work, g.fail);
    expect(ran.ran).toBe(true);
  });

  it("does not clear the messages of the action under way when a second click is ignored", async () => {
    let clears = 0;
    const g = gate(() => clears++);
    const held = deferred();
    const running = g.perform("stepReading", () => held.promise, g.fail);
    await g.perform("stepSaving", async () => undefined, g.fail);
    expect(clears).toBe(1);
    held.resolve();
    await running;
  });
});
