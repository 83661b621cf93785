import {
  Caption1,
  CounterBadge,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { RunResult } from "../../core/engine";
import type { Finding } from "../../core/model/results";
import { useStrings } from "../text/i18n";
import { groupFindings } from "../state/run";
import { indicatorNames } from "../state/indicator-names";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  severity: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, margin: 0 },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  indicator: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  items: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderLeft: `3px solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  heading: { margin: 0 },
  meta: { color: tokens.colorNeutralForeground3, wordBreak: "break-all" },
});

export interface FindingsListProps {
  result: RunResult;
  selected: number | null;
  onSelect: (index: number) => void;
  /** Inside Excel a click selects the cell; in file mode it only highlights the finding. */
  selectsCells: boolean;
}

/** Findings by severity, then by indicator; each shows its message, cell and the text as typed. */
export function FindingsList(p: FindingsListProps) {
  const { t } = useStrings();
  const styles = useStyles();
  if (p.result.findings.length === 0) {
    return (
      <Text as="p" data-testid="no-findings">
        {t("noFindings")}
      </Text>
    );
  }
  const names = indicatorNames(p.result);
  return (
    <section className={styles.list} aria-labelledby="findings-title" data-testid="findings">
      <Subtitle2 as="h2" id="findings-title" className={styles.heading}>
        {t("findingsTitle")}
      </Subtitle2>
      {groupFindings(p.result.findings).map((sg) => (
        <div key={sg.severity} className={styles.group} data-severity={sg.severity}>
          <h3 className={styles.severity}>
            <Text weight="semibold">
              {sg.severity === "error" ? t("severityError") : t("severityWarning")}
            </Text>
            <CounterBadge
              count={sg.count}
              size="small"
              color={sg.severity === "error" ? "danger" : "informative"}
            />
          </h3>
          {sg.groups.map((g) => (
            <div key={g.indicator ?? ""} className={styles.group}>
              <Caption1 as="h4" className={styles.indicator}>
                {g.indicator
                  ? `${g.indicator} ${names.get(g.indicator) ?? ""}`.trim()
                  : t("groupNoIndicator")}
              </Caption1>
              <ul className={styles.items}>
                {g.items.map(({ index, finding }) => (
                  <li key={index}>
                    <FindingItem
                      finding={finding}
                      selected={p.selected === index}
                      title={p.selectsCells && finding.cell ? t("findingSelect") : undefined}
                      onClick={() => p.onSelect(index)}
                    />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

function FindingItem(p: {
  finding: Finding;
  selected: boolean;
  title?: string;
  onClick: () => void;
}) {
  const { t, lang } = useStrings();
  const styles = useStyles();
  const f = p.finding;
  return (
    <button
      type="button"
      className={mergeClasses(styles.item, styles[f.severity], p.selected && styles.selected)}
      aria-pressed={p.selected}
      title={p.title}
      onClick={p.onClick}
      data-testid="finding"
      data-rule={f.rule}
      data-cell={f.cell ?? ""}
    >
      <span>{f.message[lang]}</span>
      <span className={styles.meta}>
        {t("findingCell", { cell: f.cell ? `${f.sheet}!${f.cell}` : f.sheet })}
        {f.text ? ` · ${t("findingText", { text: f.text })}` : null}
      </span>
    </button>
  );
}
