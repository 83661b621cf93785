import {
  Button,
  Combobox,
  Field,
  Input,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import type { WorkbookPort } from "../../workbook/port";
import { useStrings } from "../i18n";
import {
  addRulesSheet,
  addTemplateSheet,
  templateUnits,
  type PaneMessage,
} from "../rules-templates";
import type { StringKey } from "../strings";
import { BusyIndicator, ErrorBar, Notice } from "./Messages";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground2 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface RulesAndTemplatesProps {
  /** The workbook the actions write into; null hides the section. */
  port: WorkbookPort | null;
  /** False on an Excel without ExcelApi 1.8: templates then come without drop-downs and limits. */
  dataValidation: boolean;
  /** Another action of the pane is under way. */
  disabled?: boolean;
}

/** Writes the rules sheet 指标规则 and adds unit templates as new sheets. */
export function RulesAndTemplates({
  port,
  dataValidation,
  disabled = false,
}: RulesAndTemplatesProps) {
  const { t } = useStrings();
  const styles = useStyles();
  const units = useMemo(() => templateUnits(), []);
  const [unit, setUnit] = useState("");
  const [period, setPeriod] = useState("");
  const [busy, setBusy] = useState<StringKey | null>(null);
  const [message, setMessage] = useState<PaneMessage | null>(null);
  // Two quick clicks arrive before React re-renders the disabled buttons.
  const running = useRef(false);

  if (!port) return null;

  const perform = async (step: StringKey, action: () => Promise<PaneMessage>) => {
    if (running.current) return;
    running.current = true;
    setMessage(null);
    setBusy(step);
    try {
      setMessage(await action());
    } catch (e) {
      console.error(e);
      setMessage({ intent: "error", key: "errorWrite" });
    } finally {
      running.current = false;
      setBusy(null);
    }
  };

  const vars = message?.vars
    ? Object.fromEntries(Object.entries(message.vars).map(([k, v]) => [k, String(v)]))
    : undefined;
  const off = disabled || busy !== null;

  return (
    <section className={styles.section} aria-labelledby="rules-and-templates">
      <Text id="rules-and-templates" weight="semibold">
        {t("rulesTitle")}
      </Text>
      <Text size={200} className={styles.hint}>
        {t("rulesHint")}
      </Text>
      <div className={styles.buttons}>
        <Button disabled={off} onClick={() => void perform("stepRules", () => addRulesSheet(port))}>
          {t("rulesWrite")}
        </Button>
      </div>
      <Field label={t("templateUnit")} size="small">
        <Combobox
          freeform
          size="small"
          value={unit}
          disabled={off}
          onChange={(e) => setUnit(e.target.value)}
          onOptionSelect={(_, d) => setUnit(d.optionValue ?? "")}
        >
          {units.map((u) => (
            <Option key={u} value={u}>
              {u}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Field label={t("templatePeriod")} hint={t("templatePeriodHint")} size="small">
        <Input size="small" value={period} disabled={off} onChange={(_, d) => setPeriod(d.value)} />
      </Field>
      {!dataValidation && <Notice intent="warning" text="templateNoValidation" />}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={off || !unit.trim() || !period.trim()}
          onClick={() =>
            void perform("stepTemplate", () => addTemplateSheet(port, unit.trim(), period.trim()))
          }
        >
          {t("templateAdd")}
        </Button>
      </div>
      {busy && <BusyIndicator step={busy} />}
      {message && message.intent === "error" && (
        <ErrorBar error={message.key} vars={vars} onDismiss={() => setMessage(null)} />
      )}
      {message && message.intent !== "error" && (
        <Notice intent={message.intent} text={message.key} vars={vars} />
      )}
    </section>
  );
}
