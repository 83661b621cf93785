import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useStrings } from "../i18n";
import type { StringKey } from "../strings";

/** The look the pane's sections share: a column of controls, grey hints, rows of buttons. */
export const useSectionStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground2 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** A section of the pane: its title (which names it for screen readers), a hint, then its controls. */
export function Section(props: {
  id: string;
  titleKey: StringKey;
  hintKey: StringKey;
  children: ReactNode;
}) {
  const { t } = useStrings();
  const styles = useSectionStyles();
  return (
    <section className={styles.section} aria-labelledby={props.id}>
      <Text id={props.id} weight="semibold">
        {t(props.titleKey)}
      </Text>
      <Text size={200} className={styles.hint}>
        {t(props.hintKey)}
      </Text>
      {props.children}
    </section>
  );
}
