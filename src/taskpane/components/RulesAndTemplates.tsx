import { Button, Combobox, Field, Input, Option } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { WorkbookPort } from "../../workbook/port";
import { useStrings } from "../i18n";
import {
  addRulesSheet,
  addTemplateSheet,
  templateUnits,
  type PaneMessage,
} from "../rules-templates";
import type { StringKey } from "../strings";
import { useOneAtATime } from "../one-at-a-time";
import { ActionMessage, BusyIndicator, Notice } from "./Messages";
import { Section, useSectionStyles } from "./Section";

export interface RulesAndTemplatesProps {
  /** The workbook the actions write into; null hides the section. */
  port: WorkbookPort | null;
  /** False on an Excel without ExcelApi 1.8: templates then come without drop-downs and limits. */
  dataValidation: boolean;
  /** Another action of the pane is under way. */
  disabled?: boolean;
}

/** The unit and period of a template, and the button that adds it. */
function TemplateForm(props: {
  off: boolean;
  dataValidation: boolean;
  onAdd: (unit: string, period: string) => void;
}) {
  const { t } = useStrings();
  const styles = useSectionStyles();
  const units = useMemo(() => templateUnits(), []);
  const [unit, setUnit] = useState("");
  const [period, setPeriod] = useState("");
  const { off } = props;
  return (
    <>
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
      {!props.dataValidation && <Notice intent="warning" text="templateNoValidation" />}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={off || !unit.trim() || !period.trim()}
          onClick={() => props.onAdd(unit.trim(), period.trim())}
        >
          {t("templateAdd")}
        </Button>
      </div>
    </>
  );
}

/** Writes the rules sheet 指标规则 and adds unit templates as new sheets. */
export function RulesAndTemplates({
  port,
  dataValidation,
  disabled = false,
}: RulesAndTemplatesProps) {
  const { t } = useStrings();
  const styles = useSectionStyles();
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const { busy, perform } = useOneAtATime({ clear: () => setMessage(null) });

  if (!port) return null;

  const act = (step: StringKey, action: () => Promise<PaneMessage>) =>
    void perform(
      step,
      async () => setMessage(await action()),
      (e) => {
        console.error(e);
        setMessage({ intent: "error", key: "errorWrite" });
      }
    );
  const off = disabled || busy !== null;

  return (
    <Section id="rules-and-templates" titleKey="rulesTitle" hintKey="rulesHint">
      <div className={styles.buttons}>
        <Button disabled={off} onClick={() => act("stepRules", () => addRulesSheet(port))}>
          {t("rulesWrite")}
        </Button>
      </div>
      <TemplateForm
        off={off}
        dataValidation={dataValidation}
        onAdd={(unit, period) => act("stepTemplate", () => addTemplateSheet(port, unit, period))}
      />
      {busy && <BusyIndicator step={busy} />}
      <ActionMessage message={message} onDismiss={() => setMessage(null)} />
    </Section>
  );
}
