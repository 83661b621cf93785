import { Button, Caption1, makeStyles } from "@fluentui/react-components";
import { useRef } from "react";
import type { WorkbookPort } from "../../workbook/port";
import { WORKBOOK_FILE_ACCEPT } from "../../workbook/file-accept";
import type { PaneHost } from "../host";
import { useStrings } from "../i18n";
import type { SectionActions } from "../section-actions";
import { useConsolidation, type Consolidation as ConsolidationState } from "../useConsolidation";
import { BulletinButton } from "./BulletinButton";
import { Notice } from "./Messages";
import { Section, useSectionStyles } from "./Section";

const useStyles = makeStyles({
  input: { display: "none" },
});

/** The last consolidation at a glance: who reported, the findings, the score, and its bulletin. */
function ConsolidationDone({ done, off }: { done: ConsolidationState; off: boolean }) {
  const { t } = useStrings();
  const { summary, result } = done;
  if (!summary) return null;
  return (
    <>
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
      {summary.notReported.length > 0 && (
        <Caption1 data-testid="not-reported">
          {t("consolidateNotReported", { units: summary.notReported.join(" ") })}
        </Caption1>
      )}
      {summary.trend && (
        <Caption1 data-testid="consolidate-trend">{t("consolidateTrend", summary.trend)}</Caption1>
      )}
      {result && <BulletinButton result={result} disabled={off} />}
    </>
  );
}

/** Consolidation of the units' sheets: the open workbook's tabs (Excel) or picked files. */
export function Consolidation(props: {
  host: PaneHost;
  port: WorkbookPort | null;
  actions: SectionActions;
}) {
  const { t } = useStrings();
  const styles = useStyles();
  const section = useSectionStyles();
  const done = useConsolidation(props.host, props.port, props.actions);
  const files = useRef<HTMLInputElement>(null);
  const { off } = props.actions;
  return (
    <Section id="consolidate-title" titleKey="consolidateTitle" hintKey="consolidateHint">
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
          if (picked.length) done.consolidatePicked(picked);
        }}
      />
      <div className={section.buttons}>
        {props.host.kind === "excel" && (
          <Button disabled={off || !props.port} onClick={done.consolidateOpen}>
            {t("consolidateTabs")}
          </Button>
        )}
        <Button disabled={off} onClick={() => files.current?.click()}>
          {t("consolidateFiles")}
        </Button>
      </div>
      <ConsolidationDone done={done} off={off} />
    </Section>
  );
}
