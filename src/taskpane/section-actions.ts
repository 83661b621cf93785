/**
 * What the approval and consolidation sections share: one action at a time between them, the
 * step under way, and the message or refusal the last action left (shown below both sections).
 */
import { useState } from "react";
import type { Message } from "../core/i18n/messages";
import { useOneAtATime, type Step } from "./one-at-a-time";
import type { PaneMessage } from "./rules-templates";
import { refusalKey } from "./run";
import type { StringKey } from "./strings";

export interface SectionActions {
  /** The step under way (a key of strings.ts), null when idle. */
  busy: StringKey | null;
  /** Buttons are off: another action of the pane, or of these sections, is under way. */
  off: boolean;
  /**
   * Starts an action unless one is under way; a failure shows the sentence of `failure`, or that of
   * a refusal saying what to do (an Office too old, a protected workbook).
   */
  act(first: StringKey, work: (step: Step) => Promise<void>, failure?: StringKey): void;
  message: PaneMessage | null;
  setMessage(message: PaneMessage | null): void;
  /** Why an approval was refused, in both languages (the pane shows its own language). */
  refusal: Message | null;
  setRefusal(reason: Message | null): void;
}

export function useSectionActions(disabled: boolean): SectionActions {
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const [refusal, setRefusal] = useState<Message | null>(null);
  const { busy, perform } = useOneAtATime({
    clear: () => {
      setMessage(null);
      setRefusal(null);
    },
  });
  const act = (
    first: StringKey,
    work: (step: Step) => Promise<void>,
    failure: StringKey = "errorRun"
  ) =>
    void perform(first, work, (e) => {
      console.error(e);
      setMessage({ intent: "error", key: refusalKey(e) ?? failure });
    });
  return {
    busy,
    off: disabled || busy !== null,
    act,
    message,
    setMessage,
    refusal,
    setRefusal,
  };
}
