import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { WorkbookPort } from "../../workbook/port";
import type { PaneHost } from "../host";
import { useStrings } from "../i18n";
import { useSectionActions } from "../section-actions";
import { Approval } from "./Approval";
import { Consolidation } from "./Consolidation";
import { ActionMessage, BusyIndicator } from "./Messages";

export interface ConsolidateAndApproveProps {
  host: PaneHost;
  /** The workbook to approve in: the open workbook in Excel, the opened file in file mode (null: none yet). */
  port: WorkbookPort | null;
  /** File mode: saves the opened file, with its new approval row. */
  onDownload?: () => void;
  /** Changes when another action of the pane has run: the sheet is checked again. */
  refreshKey?: unknown;
  /** Another action of the pane is under way. */
  disabled?: boolean;
}

/**
 * Approval of a sheet and consolidation of the units' sheets: one action at a time between the
 * two, and what the last one left shown below both.
 */
export function ConsolidateAndApprove({
  host,
  port,
  onDownload,
  refreshKey,
  disabled = false,
}: ConsolidateAndApproveProps) {
  const { lang } = useStrings();
  const actions = useSectionActions(disabled);
  const { busy, refusal, message } = actions;
  return (
    <>
      {port && (
        <Approval
          host={host}
          port={port}
          onDownload={onDownload}
          refreshKey={refreshKey}
          actions={actions}
        />
      )}
      <Consolidation host={host} port={port} actions={actions} />
      {busy && <BusyIndicator step={busy} />}
      {refusal && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{refusal[lang]}</MessageBarBody>
        </MessageBar>
      )}
      <ActionMessage message={message} onDismiss={() => actions.setMessage(null)} />
    </>
  );
}
