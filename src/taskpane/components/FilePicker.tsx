import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import { useStrings } from "../text/i18n";
import { WORKBOOK_FILE_ACCEPT } from "../../workbook/file-accept";

const useStyles = makeStyles({
  row: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  input: { display: "none" },
  name: { wordBreak: "break-all" },
});

/** File mode: picks the .xlsx to check. The file is read in the page, never uploaded. */
export function FilePicker(props: {
  fileName: string | null;
  disabled: boolean;
  onPick: (file: File) => void;
}) {
  const { t } = useStrings();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.row}>
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept={WORKBOOK_FILE_ACCEPT}
        data-testid="file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that picking the same file again (after editing it) reloads it.
          e.target.value = "";
          if (file) props.onPick(file);
        }}
      />
      <Button appearance="primary" disabled={props.disabled} onClick={() => input.current?.click()}>
        {t("chooseFile")}
      </Button>
      <Caption1 className={styles.name} data-testid="file-name">
        {props.fileName ? t("openedFile", { name: props.fileName }) : t("noFileYet")}
      </Caption1>
    </div>
  );
}
