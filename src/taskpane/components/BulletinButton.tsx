/**
 * The bulletin (监测通报) of the consolidation just made, as a Word document to download (docs/bulletin.md).
 * The docx writer and the charts come in a chunk of their own, fetched on the first click.
 */
import { Button, Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { ConsolidationResult } from "../../core/consolidate";
import { useStrings } from "../text/i18n";
import { saveBytes } from "../host/download";

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface BulletinButtonProps {
  result: ConsolidationResult;
  disabled?: boolean;
}

export function BulletinButton({ result, disabled = false }: BulletinButtonProps) {
  const { t } = useStrings();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<"errorBulletin" | "bulletinEmpty" | null>(null);
  // Two quick clicks arrive before React re-renders the disabled button.
  const running = useRef(false);

  const make = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setProblem(null);
    try {
      const { bulletinForPane } = await import(
        /* webpackChunkName: "bulletin" */ "../../report/pane"
      );
      const out = await bulletinForPane(result, new Date());
      if (out) saveBytes(out.bytes, out.name, DOCX_MIME);
      else setProblem("bulletinEmpty");
    } catch (e) {
      console.error(e);
      setProblem("errorBulletin");
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <div className={styles.row}>
      <Button disabled={disabled || busy} onClick={() => void make()} data-testid="bulletin">
        {t("bulletinMake")}
      </Button>
      {busy && (
        <Spinner
          size="tiny"
          labelPosition="after"
          label={t("stepBulletin")}
          role="status"
          aria-live="polite"
        />
      )}
      {problem && (
        <Caption1 className={styles.error} role="alert">
          {t(problem)}
        </Caption1>
      )}
    </div>
  );
}
