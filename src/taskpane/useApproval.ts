/**
 * The approval section's state: the reviewer's name, the sheet to approve and its state now.
 * The work itself is in consolidate-approve.ts; rendering in components/Approval.tsx.
 */
import { useEffect, useMemo, useState } from "react";
import type { WorkbookPort } from "../workbook/port";
import {
  approvableSheets,
  approveAs,
  inspectForApproval,
  localReviewerStore,
  type ApprovalTarget,
} from "./consolidate-approve";
import type { PaneHost } from "./host";
import type { SectionActions } from "./section-actions";

export interface Approval {
  reviewer: string;
  setReviewer(name: string): void;
  /** The sheets a file offers for approval (file mode; empty inside Excel). */
  sheets: string[];
  sheet: string;
  /** The sheet's errors, warnings and last approval; null before it is checked or without a sheet. */
  target: ApprovalTarget | null;
  /** Checks the sheet again: the active one in Excel, `chosen` or the one chosen before in a file. */
  inspect(chosen?: string): void;
  approve(): void;
}

/** The sheet to approve: the active one in Excel; in a file the one wanted if it can be approved, else the first. */
async function sheetToApprove(
  host: PaneHost,
  port: WorkbookPort,
  wanted: string
): Promise<{ name: string; list?: string[] }> {
  if (host.kind === "excel") return { name: await host.activeSheet() };
  const list = await approvableSheets(port);
  return { name: list.includes(wanted) ? wanted : (list[0] ?? ""), list };
}

export function useApproval(
  host: PaneHost,
  port: WorkbookPort | null,
  refreshKey: unknown,
  { act, setMessage, setRefusal }: SectionActions
): Approval {
  // The person's own name, in local storage (Excel's pane has one too), not in the shared workbook.
  const store = useMemo(
    () => localReviewerStore(typeof localStorage === "undefined" ? null : localStorage),
    []
  );
  const [reviewer, setReviewer] = useState(() => store.load());
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState("");
  const [target, setTarget] = useState<ApprovalTarget | null>(null);

  const inspect = (chosen?: string) =>
    act(
      "stepChecking",
      async () => {
        if (!port) return;
        const { name, list } = await sheetToApprove(host, port, chosen ?? sheet);
        if (list) setSheets(list);
        setSheet(name);
        setTarget(name ? await inspectForApproval(port, name) : null);
      },
      "errorRead"
    );

  useEffect(() => {
    inspect();
    // Checked again when the workbook or an earlier run changes, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [port, refreshKey]);

  const approve = () =>
    act(
      "stepApproving",
      async () => {
        if (!port || !sheet) return;
        const out = await approveAs(port, sheet, reviewer, new Date(), store);
        if (!out.ok) setRefusal(out.reason);
        else
          setMessage(
            host.kind === "file" ? { ...out.message, key: "approvalDoneFile" } : out.message
          );
        setTarget(await inspectForApproval(port, sheet));
      },
      "errorApprove"
    );

  return { reviewer, setReviewer, sheets, sheet, target, inspect, approve };
}
