import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from "@fluentui/react-components";
import type { Message } from "../../core/i18n/messages";
import { useStrings } from "../i18n";
import type { PaneMessage } from "../rules-templates";
import type { StringKey } from "../strings";

/** The step under way, announced to screen readers as it changes. */
export function BusyIndicator({ step }: { step: StringKey }) {
  const { t } = useStrings();
  return (
    <Spinner size="tiny" labelPosition="after" label={t(step)} role="status" aria-live="polite" />
  );
}

/** A failure, as one sentence. */
export function ErrorBar(props: {
  error: StringKey;
  vars?: Record<string, string>;
  onDismiss: () => void;
}) {
  const { t } = useStrings();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
        {t(props.error, props.vars)}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={props.onDismiss}>
          {t("dismiss")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function Notice(props: {
  text: StringKey;
  intent: "success" | "info" | "warning";
  vars?: Record<string, string>;
}) {
  const { t } = useStrings();
  return (
    <MessageBar intent={props.intent}>
      <MessageBarBody>{t(props.text, props.vars)}</MessageBarBody>
    </MessageBar>
  );
}

/** The message an action of a section left: a failure to dismiss, or a notice. */
export function ActionMessage(props: { message: PaneMessage | null; onDismiss: () => void }) {
  const { message } = props;
  if (!message) return null;
  const vars = message.vars
    ? Object.fromEntries(Object.entries(message.vars).map(([k, v]) => [k, String(v)]))
    : undefined;
  return message.intent === "error" ? (
    <ErrorBar error={message.key} vars={vars} onDismiss={props.onDismiss} />
  ) : (
    <Notice intent={message.intent} text={message.key} vars={vars} />
  );
}

/** What an older Excel cannot do, said plainly instead of hiding buttons. */
export function ExcelLimits({
  limits,
  titleKey = "excelLimitsTitle",
}: {
  limits: Message[];
  /** The heading: what this Excel cannot do, or this WPS. */
  titleKey?: StringKey;
}) {
  const { t, lang } = useStrings();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(titleKey)}</MessageBarTitle>
        <ul style={{ margin: 0, paddingInlineStart: "1.2em" }}>
          {limits.map((l) => (
            <li key={l.en}>{l[lang]}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
