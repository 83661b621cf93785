import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../text/i18n";
import type { RunMode } from "../state/run";

const useStyles = makeStyles({
  actions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ActionsProps {
  mode: "excel" | "file";
  asOf: string;
  onAsOf: (value: string) => void;
  canRun: boolean;
  canDownload: boolean;
  busy: boolean;
  onRun: (mode: RunMode) => void;
  onClear: () => void;
  onDownload: () => void;
}

export function Actions(p: ActionsProps) {
  const { t } = useStrings();
  const styles = useStyles();
  return (
    <section className={styles.actions}>
      <Field label={t("asOfLabel")} hint={t("asOfHint")} size="small">
        <Input
          type="date"
          size="small"
          value={p.asOf}
          disabled={p.busy}
          onChange={(_, d) => p.onAsOf(d.value)}
        />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={!p.canRun} onClick={() => p.onRun("validate")}>
          {p.mode === "excel" ? t("validateSheet") : t("validateWorkbook")}
        </Button>
        <Button appearance="primary" disabled={!p.canRun} onClick={() => p.onRun("analyse")}>
          {t("analyse")}
        </Button>
        {p.mode === "excel" ? (
          <Button disabled={!p.canRun} onClick={p.onClear}>
            {t("clearAnnotations")}
          </Button>
        ) : (
          <Button disabled={!p.canDownload} onClick={p.onDownload}>
            {t("download")}
          </Button>
        )}
      </div>
    </section>
  );
}
