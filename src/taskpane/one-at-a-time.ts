/**
 * One action of the pane at a time: a click while an action is under way does nothing. Every
 * part of the pane that runs something (the main actions, approval and consolidation, rules and
 * templates) starts it through here.
 */
import { useMemo, useRef, useState } from "react";
import type { StringKey } from "./strings";

/** Shows the step under way (a key of strings.ts), waiting for the page to paint it when asked to. */
export type Step = (key: StringKey) => Promise<void>;

/** Runs `work` unless an action is under way; `first` is its first step, a failure goes to `fail`. */
export type Perform = (
  first: StringKey,
  work: (step: Step) => Promise<void>,
  fail: (e: unknown) => void
) => Promise<void>;

export interface OneAtATimeOptions {
  /** Called as an action starts: the last action's messages go. */
  clear?: () => void;
  /** Lets the page paint a step before long synchronous work starts (none: no wait). */
  paint?: () => Promise<void>;
}

/**
 * The gate without React: `show` gets each step and null when the action ends, however it ends.
 * The flag is a plain variable, not state: two quick clicks arrive before React re-renders the
 * disabled buttons.
 */
export function oneAtATime(
  show: (step: StringKey | null) => void,
  options: () => OneAtATimeOptions = () => ({})
): Perform {
  let running = false;
  const step: Step = async (key) => {
    show(key);
    await options().paint?.();
  };
  return async (first, work, fail) => {
    if (running) return;
    running = true;
    options().clear?.();
    try {
      await step(first);
      await work(step);
    } catch (e) {
      fail(e);
    } finally {
      running = false;
      show(null);
    }
  };
}

/** The step under way (null when idle) and how to start an action, one at a time per component. */
export function useOneAtATime(options: OneAtATimeOptions = {}): {
  busy: StringKey | null;
  perform: Perform;
} {
  const [busy, setBusy] = useState<StringKey | null>(null);
  // The latest options, read when an action starts: the gate itself lives as long as the component.
  const latest = useRef(options);
  latest.current = options;
  const perform = useMemo(() => oneAtATime(setBusy, () => latest.current), []);
  return { busy, perform };
}
