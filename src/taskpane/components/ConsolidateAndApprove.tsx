import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Message } from "../../core/i18n/messages";
import type { ConsolidationInput, ConsolidationResult } from "../../core/consolidate";
import type { WorkbookPort } from "../../workbook/port";
import { saveBytes } from "../download";
import type { PaneHost } from "../host";
import { useStrings } from "../i18n";
import type { PaneMessage } from "../rules-templates";
import type { StringKey } from "../strings";
import {
  approvableSheets,
  approveAs,
  consolidateFiles,
  consolidateTabs,
  consolidationFileName,
  inspectForApproval,
  localReviewerStore,
  summarise,
  type ApprovalTarget,
  type ConsolidationSummary,
} from "../consolidate-approve";
import { refusalKey } from "../run";
import { reportNotices } from "../useRunner";
import { BusyIndicator, ErrorBar, Notice } from "./Messages";
import { BulletinButton } from "./BulletinButton";
import { WORKBOOK_FILE_ACCEPT } from "../../workbook/file-accept";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground2 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  input: { display: "none" },
});

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

/** Approval of a sheet (with the reviewer's name remembered) and consolidation of the units' sheets. */
export function ConsolidateAndApprove({
  host,
  port,
  onDownload,
  refreshKey,
  disabled = false,
}: ConsolidateAndApproveProps) {
  const { t, lang } = useStrings();
  const styles = useStyles();
  // The person's own name, in local storage (Excel's pane has one too), not in the shared workbook.
  const store = useMemo(
    () => localReviewerStore(typeof localStorage === "undefined" ? null : localStorage),
    []
  );
  const [reviewer, setReviewer] = useState(() => store.load());
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState("");
  const [target, setTarget] = useState<ApprovalTarget | null>(null);
  const [busy, setBusy] = useState<StringKey | null>(null);
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const [refusal, setRefusal] = useState<Message | null>(null);
  const [summary, setSummary] = useState<ConsolidationSummary | null>(null);
  // The whole result too: the bulletin (BulletinButton) is made from it.
  const [consolidation, setConsolidation] = useState<ConsolidationResult | null>(null);
  const show = (r: ConsolidationResult) => {
    setConsolidation(r);
    setSummary(summarise(r));
    // What the write into Excel left out (the charts, on an Excel without the chart API).
    const [leftOut] = reportNotices(host);
    if (leftOut) setMessage({ intent: "warning", key: leftOut.key, vars: leftOut.vars });
  };
  const files = useRef<HTMLInputElement>(null);
  // Two quick clicks arrive before React re-renders the disabled buttons.
  const running = useRef(false);

  const perform = useCallback(
    async (step: StringKey, action: () => Promise<void>, failure: StringKey = "errorRun") => {
      if (running.current) return;
      running.current = true;
      setBusy(step);
      setMessage(null);
      setRefusal(null);
      try {
        await action();
      } catch (e) {
        console.error(e);
        setMessage({ intent: "error", key: refusalKey(e) ?? failure });
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    []
  );

  /** Which sheet to approve (the active one in Excel, the chosen one of a file) and its state now. */
  const inspect = useCallback(
    (chosen?: string) =>
      void perform(
        "stepChecking",
        async () => {
          if (!port) return;
          let name = chosen ?? sheet;
          if (host.kind === "excel") {
            name = await host.activeSheet();
          } else {
            const list = await approvableSheets(port);
            setSheets(list);
            if (!list.includes(name)) name = list[0] ?? "";
          }
          setSheet(name);
          setTarget(name ? await inspectForApproval(port, name) : null);
        },
        "errorRead"
      ),
    [perform, port, host, sheet]
  );

  useEffect(() => {
    inspect();
    // Checked again when the workbook or an earlier run changes, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [port, refreshKey]);

  const approve = () =>
    void perform(
      "stepApproving",
      async () => {
        if (!port || !sheet) return;
        const out = await approveAs(port, sheet, reviewer, new Date(), store);
        if (!out.ok) {
          setRefusal(out.reason);
        } else {
          setMessage(
            host.kind === "file" ? { ...out.message, key: "approvalDoneFile" } : out.message
          );
        }
        setTarget(await inspectForApproval(port, sheet));
      },
      "errorApprove"
    );

  const consolidateOpen = () =>
    void perform(
      "stepConsolidating",
      async () => {
        if (!port) return;
        show(await consolidateTabs(port));
      },
      "errorWrite"
    );

  const consolidatePicked = (picked: File[]) =>
    void perform(
      "stepLoadingReader",
      async () => {
        const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../../workbook/xlsx");
        const { openWorkbookBytes } = await import(
          /* webpackChunkName: "xlsx" */ "../../workbook/open-file"
        );
        setBusy("stepReading");
        const inputs: ConsolidationInput[] = [];
        for (const f of picked) {
          try {
            const wb = await openWorkbookBytes(new Uint8Array(await f.arrayBuffer()), f.name);
            inputs.push({ file: f.name, grids: await wb.readSheets() });
          } catch (e) {
            console.error(e);
            setMessage({ intent: "error", key: "errorConsolidateFile", vars: { name: f.name } });
            return;
          }
        }
        setBusy("stepConsolidating");
        // In Excel the result goes into the open workbook; in a browser it is a new file to download.
        const into = host.kind === "excel" ? port : null;
        const result = await consolidateFiles(inputs, into);
        if (!into) {
          const out = XlsxWorkbook.empty();
          await out.applyPlan(result.plan);
          saveBytes(
            await out.toBuffer(),
            consolidationFileName(result.period, t("consolidateFilePrefix"))
          );
        }
        show(result);
      },
      "errorWrite"
    );

  const off = disabled || busy !== null;
  const blocked = target?.refusal ?? null;
  const canApprove = !!port && !!target && !blocked && reviewer.trim() !== "" && !off;
  const stateText =
    target && target.state !== "none"
      ? t(target.state === "approved" ? "approvalStateApproved" : "approvalStateChanged", {
          reviewer: target.reviewer ?? "",
          time: target.time ?? "",
        })
      : t("approvalStateNone");
  const vars = message?.vars
    ? Object.fromEntries(Object.entries(message.vars).map(([k, v]) => [k, String(v)]))
    : undefined;

  return (
    <>
      {port && (
        <section className={styles.section} aria-labelledby="approval-title">
          <Text id="approval-title" weight="semibold">
            {t("approvalTitle")}
          </Text>
          <Text size={200} className={styles.hint}>
            {t("approvalHint")}
          </Text>
          <Field
            label={t("reviewerLabel")}
            hint={t(host.kind === "excel" ? "reviewerHintExcel" : "reviewerHintFile")}
            size="small"
          >
            <Input
              size="small"
              value={reviewer}
              disabled={off}
              onChange={(_, d) => setReviewer(d.value)}
              data-testid="reviewer"
            />
          </Field>
          {host.kind === "excel" ? (
            <div className={styles.buttons}>
              <Caption1>{t("approvalCurrentSheet", { sheet: sheet || "—" })}</Caption1>
              <Button size="small" disabled={off} onClick={() => inspect()}>
                {t("approvalRecheck")}
              </Button>
            </div>
          ) : (
            <Field label={t("approvalSheetLabel")} size="small">
              <Dropdown
                size="small"
                value={sheet}
                selectedOptions={sheet ? [sheet] : []}
                disabled={off || sheets.length === 0}
                onOptionSelect={(_, d) => d.optionValue && inspect(d.optionValue)}
              >
                {sheets.map((s) => (
                  <Option key={s} value={s}>
                    {s}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          )}
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
            !busy && <Caption1>{t("approvalNoSheet")}</Caption1>
          )}
          {blocked && (
            <MessageBar intent="warning" data-testid="approval-blocked">
              <MessageBarBody>{blocked[lang]}</MessageBarBody>
            </MessageBar>
          )}
          {!blocked && target && !reviewer.trim() && (
            <Caption1 className={styles.hint}>{t("approvalNeedsReviewer")}</Caption1>
          )}
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              disabled={!canApprove}
              onClick={approve}
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
        </section>
      )}
      <section className={styles.section} aria-labelledby="consolidate-title">
        <Text id="consolidate-title" weight="semibold">
          {t("consolidateTitle")}
        </Text>
        <Text size={200} className={styles.hint}>
          {t("consolidateHint")}
        </Text>
        <input
          ref={files}
          className={styles.input}
          type="file"
          multiple
          accept={WORKBOOK_FILE_ACCEPT}
          data-testid="consolidate-files"
          onChange={(e) => {
            const picked = Array.from(e.target.files ?? []);
            // Cleared so that picking the same files again (after a unit resends one) reads them again.
            e.target.value = "";
            if (picked.length) consolidatePicked(picked);
          }}
        />
        <div className={styles.buttons}>
          {host.kind === "excel" && (
            <Button disabled={off || !port} onClick={consolidateOpen}>
              {t("consolidateTabs")}
            </Button>
          )}
          <Button disabled={off} onClick={() => files.current?.click()}>
            {t("consolidateFiles")}
          </Button>
        </div>
        {summary && (
          <Notice
            intent={summary.errors ? "warning" : "success"}
            text="consolidateDone"
            vars={{
              period: summary.period,
              expected: String(summary.expected),
              reported: String(summary.reported),
              errors: String(summary.errors),
              warnings: String(summary.warnings),
              score: summary.score,
            }}
          />
        )}
        {summary && summary.notReported.length > 0 && (
          <Caption1 data-testid="not-reported">
            {t("consolidateNotReported", { units: summary.notReported.join(" ") })}
          </Caption1>
        )}
        {summary?.trend && (
          <Caption1 data-testid="consolidate-trend">
            {t("consolidateTrend", summary.trend)}
          </Caption1>
        )}
        {summary && consolidation && <BulletinButton result={consolidation} disabled={off} />}
      </section>
      {busy && <BusyIndicator step={busy} />}
      {refusal && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{refusal[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {message && message.intent === "error" && (
        <ErrorBar error={message.key} vars={vars} onDismiss={() => setMessage(null)} />
      )}
      {message && message.intent !== "error" && (
        <Notice intent={message.intent} text={message.key} vars={vars} />
      )}
    </>
  );
}
