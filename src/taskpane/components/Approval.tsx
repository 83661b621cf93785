import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
} from "@fluentui/react-components";
import type { WorkbookPort } from "../../workbook/port";
import type { ApprovalTarget } from "../consolidate-approve";
import type { PaneHost } from "../host";
import { useStrings } from "../i18n";
import type { SectionActions } from "../section-actions";
import { useApproval, type Approval as ApprovalState } from "../useApproval";
import { Section, useSectionStyles } from "./Section";

/** Which sheet: the active one inside Excel (checked again on demand), chosen from a list in a file. */
function SheetChoice(props: { excel: boolean; approval: ApprovalState; off: boolean }) {
  const { t } = useStrings();
  const styles = useSectionStyles();
  const { sheet, sheets, inspect } = props.approval;
  return props.excel ? (
    <div className={styles.buttons}>
      <Caption1>{t("approvalCurrentSheet", { sheet: sheet || "—" })}</Caption1>
      <Button size="small" disabled={props.off} onClick={() => inspect()}>
        {t("approvalRecheck")}
      </Button>
    </div>
  ) : (
    <Field label={t("approvalSheetLabel")} size="small">
      <Dropdown
        size="small"
        value={sheet}
        selectedOptions={sheet ? [sheet] : []}
        disabled={props.off || sheets.length === 0}
        onOptionSelect={(_, d) => d.optionValue && inspect(d.optionValue)}
      >
        {sheets.map((s) => (
          <Option key={s} value={s}>
            {s}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** The sheet's counts and last approval, why it cannot be approved, or that a name is needed. */
function TargetState(props: { target: ApprovalTarget | null; reviewer: string; busy: boolean }) {
  const { t, lang } = useStrings();
  const styles = useSectionStyles();
  const { target } = props;
  const blocked = target?.refusal ?? null;
  const stateText =
    target && target.state !== "none"
      ? t(target.state === "approved" ? "approvalStateApproved" : "approvalStateChanged", {
          reviewer: target.reviewer ?? "",
          time: target.time ?? "",
        })
      : t("approvalStateNone");
  return (
    <>
      {target ? (
        <Caption1 data-testid="approval-state">
          {t("approvalCounts", {
            sheet: target.sheet,
            errors: target.errors,
            warnings: target.warnings,
          })}{" "}
          {stateText}
          {target.changes && ` ${target.changes[lang]}`}
        </Caption1>
      ) : (
        !props.busy && <Caption1>{t("approvalNoSheet")}</Caption1>
      )}
      {blocked && (
        <MessageBar intent="warning" data-testid="approval-blocked">
          <MessageBarBody>{blocked[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {!blocked && target && !props.reviewer.trim() && (
        <Caption1 className={styles.hint}>{t("approvalNeedsReviewer")}</Caption1>
      )}
    </>
  );
}

export interface ApprovalProps {
  host: PaneHost;
  port: WorkbookPort;
  /** File mode: saves the opened file, with its new approval row. */
  onDownload?: () => void;
  /** Changes when another action of the pane has run: the sheet is checked again. */
  refreshKey?: unknown;
  actions: SectionActions;
}

/** Approval of a sheet, with the reviewer's name remembered. */
export function Approval({ host, port, onDownload, refreshKey, actions }: ApprovalProps) {
  const { t } = useStrings();
  const styles = useSectionStyles();
  const approval = useApproval(host, port, refreshKey, actions);
  const { reviewer, target } = approval;
  const { off, busy, message } = actions;
  const canApprove = !!target && !target.refusal && reviewer.trim() !== "" && !off;
  return (
    <Section id="approval-title" titleKey="approvalTitle" hintKey="approvalHint">
      <Field
        label={t("reviewerLabel")}
        hint={t(host.kind === "excel" ? "reviewerHintExcel" : "reviewerHintFile")}
        size="small"
      >
        <Input
          size="small"
          value={reviewer}
          disabled={off}
          onChange={(_, d) => approval.setReviewer(d.value)}
          data-testid="reviewer"
        />
      </Field>
      <SheetChoice excel={host.kind === "excel"} approval={approval} off={off} />
      <TargetState target={target} reviewer={reviewer} busy={busy !== null} />
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={!canApprove}
          onClick={approval.approve}
          data-testid="approve"
        >
          {t("approve")}
        </Button>
        {host.kind === "file" && onDownload && message?.key === "approvalDoneFile" && (
          <Button disabled={off} onClick={onDownload}>
            {t("download")}
          </Button>
        )}
      </div>
    </Section>
  );
}
