import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, useState } from "react";
import type { ReactNode } from "react";
import { useStrings } from "../text/i18n";
import type { StringKey } from "../text/strings";

const useStyles = makeStyles({
  header: { justifyContent: "flex-start", width: "100%", fontWeight: tokens.fontWeightSemibold },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/**
 * A section the first screen does not need (consolidation and approval, rules and templates):
 * closed at first, its code fetched as a chunk of its own when it is first opened, with a
 * spinner while it loads. Once opened it stays mounted, so what was typed in it is kept.
 */
export function LazySection(props: { labelKey: StringKey; testId: string; children: ReactNode }) {
  const { t } = useStrings();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  return (
    <section>
      <Button
        appearance="subtle"
        className={styles.header}
        aria-expanded={open}
        data-testid={props.testId}
        onClick={() => {
          setOpen(!open);
          setOpened(true);
        }}
      >
        {`${open ? "▾" : "▸"} ${t(props.labelKey)}`}
      </Button>
      {opened && (
        <div className={styles.body} hidden={!open}>
          <Suspense
            fallback={<Spinner size="tiny" labelPosition="after" label={t("stepLoadingSection")} />}
          >
            {props.children}
          </Suspense>
        </div>
      )}
    </section>
  );
}
