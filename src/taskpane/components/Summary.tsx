import { Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Fragment } from "react";
import type { RunResult } from "../../core/engine";
import { useStrings } from "../i18n";
import type { RunMode } from "../run";
import { countSeverities, countStatuses, formatScore } from "../run";
import { StatusChip } from "./StatusChip";

const useStyles = makeStyles({
  summary: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  errors: { color: tokens.colorPaletteRedForeground1 },
  warnings: { color: tokens.colorPaletteDarkOrangeForeground1 },
  overall: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  chips: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  heading: { margin: 0 },
  subheading: { margin: `${tokens.spacingVerticalXS} 0 0`, color: tokens.colorNeutralForeground2 },
});

type Styles = ReturnType<typeof useStyles>;

/** Finding counts, as-of date, sheets recognised, and for an analysis the overall score. */
function Facts({ mode, result, styles }: { mode: RunMode; result: RunResult; styles: Styles }) {
  const { t } = useStrings();
  const severities = countSeverities(result.findings);
  const recognised = result.sheets.filter((s) => s.recognised).length;
  return (
    <dl className={styles.facts}>
      <dt className={styles.term}>{t("summaryErrors")}</dt>
      <dd
        className={mergeClasses(styles.value, severities.error > 0 && styles.errors)}
        data-testid="error-count"
      >
        {severities.error}
      </dd>
      <dt className={styles.term}>{t("summaryWarnings")}</dt>
      <dd
        className={mergeClasses(styles.value, severities.warning > 0 && styles.warnings)}
        data-testid="warning-count"
      >
        {severities.warning}
      </dd>
      <dt className={styles.term}>{t("summaryAsOf")}</dt>
      <dd className={styles.value}>{result.asOf ?? t("summaryAsOfUnknown")}</dd>
      <dt className={styles.term}>{t("summarySheets")}</dt>
      <dd className={styles.value}>{`${recognised} / ${result.sheets.length}`}</dd>
      {mode === "analyse" && (
        <>
          <dt className={styles.term}>{t("summaryOverall")}</dt>
          <dd className={mergeClasses(styles.value, styles.overall)} data-testid="overall-score">
            {result.scores.overall === null
              ? t("summaryNoScore")
              : formatScore(result.scores.overall)}
          </dd>
        </>
      )}
    </dl>
  );
}

/** An analysis's indicators by status, and its scores by category. */
function StatusesAndCategories({ result, styles }: { result: RunResult; styles: Styles }) {
  const { t } = useStrings();
  const statuses = countStatuses(result.indicators);
  const categories = Object.entries(result.scores.categories);
  return (
    <>
      {statuses.length > 0 && (
        <>
          <Caption1 as="h3" className={styles.subheading}>
            {t("summaryStatuses")}
          </Caption1>
          <div className={styles.chips} data-testid="status-counts">
            {statuses.map(({ status, count }) => (
              <StatusChip key={status} status={status} count={count} />
            ))}
          </div>
        </>
      )}
      {categories.length > 0 && (
        <>
          <Caption1 as="h3" className={styles.subheading}>
            {t("summaryCategories")}
          </Caption1>
          <dl className={styles.facts}>
            {categories.map(([name, score]) => (
              <Fragment key={name}>
                <dt className={styles.term}>{name}</dt>
                <dd className={styles.value}>{formatScore(score)}</dd>
              </Fragment>
            ))}
          </dl>
        </>
      )}
    </>
  );
}

/** The last run at a glance: finding counts, as-of date, and for an analysis the statuses and scores. */
export function Summary({ mode, result }: { mode: RunMode; result: RunResult }) {
  const { t } = useStrings();
  const styles = useStyles();
  return (
    <section className={styles.summary} aria-labelledby="summary-title" data-testid="summary">
      <Subtitle2 as="h2" id="summary-title" className={styles.heading}>
        {mode === "validate" ? t("summaryValidate") : t("summaryAnalyse")}
      </Subtitle2>
      <Facts mode={mode} result={result} styles={styles} />
      {mode === "analyse" && <StatusesAndCategories result={result} styles={styles} />}
    </section>
  );
}
