import { Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../text/i18n";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0 },
});

export function Header({ onToggleLanguage }: { onToggleLanguage: () => void }) {
  const { t } = useStrings();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Subtitle2 as="h1" className={styles.title}>
        {t("appTitle")}
      </Subtitle2>
      <Button
        size="small"
        appearance="subtle"
        onClick={onToggleLanguage}
        aria-label={t("switchLanguageLabel")}
      >
        {t("switchLanguage")}
      </Button>
    </header>
  );
}
