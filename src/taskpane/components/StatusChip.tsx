import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Status } from "../../core/model/results";
import { STATUS_STYLE } from "../../core/score";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  chip: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "nowrap",
  },
  // Statuses without a fill get the theme's text colour and an outline, readable in light and dark.
  unfilled: {
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  count: { fontWeight: tokens.fontWeightSemibold },
});

/** A status as Excel shows it in the gap analysis: its fill and text colour, symbol and word (docs/specification.md §6). */
export function StatusChip({ status, count }: { status: Status; count?: number }) {
  const { lang } = useStrings();
  const styles = useStyles();
  const style = STATUS_STYLE[status];
  const colours = style.fill ? { backgroundColor: style.fill, color: style.text } : undefined;
  return (
    <span
      className={mergeClasses(styles.chip, !style.fill && styles.unfilled)}
      style={colours}
      data-status={status}
    >
      <span aria-hidden="true">{style.symbol}</span>
      <span>{style[lang]}</span>
      {count !== undefined && <span className={styles.count}>{count}</span>}
    </span>
  );
}
