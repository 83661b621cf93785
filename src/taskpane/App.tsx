import {
  Divider,
  FluentProvider,
  Spinner,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useMemo, useState } from "react";
import { Actions } from "./components/Actions";
import { FilePicker } from "./components/FilePicker";
import { Header } from "./components/Header";
import { BusyIndicator, ErrorBar, ExcelLimits, Notice } from "./components/Messages";
import { LazySection } from "./components/LazySection";
import { prefetchEngine } from "./run";
import { apiSupport } from "../workbook/office/support";
import type { PaneHost } from "./host";
import { prefersDark } from "./host";
import { StringsContext, stringsFor, useStrings } from "./i18n";
import type { Lang } from "./strings";
import { useRunner, type Runner } from "./useRunner";

// What the first screen does not show loads as chunks of its own (docs/pane-load.md): the results
// of a run, consolidation and approval, rules and templates.
const Summary = lazy(() =>
  import(/* webpackChunkName: "results" */ "./components/Summary").then((m) => ({
    default: m.Summary,
  }))
);
const FindingsList = lazy(() =>
  import(/* webpackChunkName: "results" */ "./components/FindingsList").then((m) => ({
    default: m.FindingsList,
  }))
);
const ConsolidateAndApprove = lazy(() =>
  import(/* webpackChunkName: "consolidate" */ "./components/ConsolidateAndApprove").then((m) => ({
    default: m.ConsolidateAndApprove,
  }))
);
const RulesAndTemplates = lazy(() =>
  import(/* webpackChunkName: "rules" */ "./components/RulesAndTemplates").then((m) => ({
    default: m.RulesAndTemplates,
  }))
);

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** Office's theme inside Excel; the system's light/dark preference (followed live) in a browser. */
function useDarkTheme(host: PaneHost): boolean {
  const [dark, setDark] = useState(host.dark);
  useEffect(() => {
    if (host.kind !== "file" || typeof window.matchMedia !== "function") return;
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    const update = () => setDark(prefersDark());
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, [host]);
  return dark;
}

/** Once the first screen is up, the engine and the results' view are fetched ahead of the first run. */
function usePrefetch(): void {
  useEffect(() => {
    const later = window.setTimeout(() => {
      prefetchEngine();
      void import(/* webpackChunkName: "results" */ "./components/FindingsList");
    }, 0);
    return () => window.clearTimeout(later);
  }, []);
}

/** What the host is: a browser (file mode), an Excel too old, an Excel short of some features. */
function HostNotices({ host }: { host: PaneHost }) {
  if (host.kind === "file") return <Notice intent="info" text="fileModeNotice" />;
  const wps = host.app === "wps";
  if (!host.supported)
    return <Notice intent="warning" text={wps ? "errorWpsTooOld" : "errorOfficeTooOld"} />;
  if (!host.limits.length) return null;
  return <ExcelLimits limits={host.limits} titleKey={wps ? "wpsLimitsTitle" : undefined} />;
}

/** The step under way and what the last action left: its error, notice and warnings. */
function RunFeedback({ runner }: { runner: Runner }) {
  return (
    <>
      {runner.busy && <BusyIndicator step={runner.busy} />}
      {runner.error && <ErrorBar error={runner.error} onDismiss={runner.dismissError} />}
      {runner.notice && <Notice intent="success" text={runner.notice} />}
      {runner.warnings.map((w) => (
        <Notice key={w.key} intent="warning" text={w.key} vars={w.vars} />
      ))}
    </>
  );
}

/** The last run's summary and findings, loaded as a chunk of their own; a hint before any run. */
function Results({ runner, host }: { runner: Runner; host: PaneHost }) {
  const styles = useStyles();
  const { t } = useStrings();
  if (!runner.outcome)
    return (
      <Text as="p" className={styles.hint}>
        {t("readyHint")}
      </Text>
    );
  return (
    <Suspense
      fallback={<Spinner size="tiny" labelPosition="after" label={t("stepLoadingSection")} />}
    >
      <Summary mode={runner.outcome.mode} result={runner.outcome.result} />
      <FindingsList
        result={runner.outcome.result}
        selected={runner.selected}
        onSelect={runner.select}
        selectsCells={host.kind === "excel"}
      />
    </Suspense>
  );
}

/** Consolidation and approval, and inside Excel rules and templates: opened on demand. */
function MoreSections({ runner, host }: { runner: Runner; host: PaneHost }) {
  const { t } = useStrings();
  // An Excel too old for the core path: every action that would touch the workbook stays off.
  const off = runner.busy !== null || (host.kind === "excel" && !host.supported);
  return (
    <>
      <LazySection labelKey="sectionConsolidate" testId="section-consolidate">
        <ConsolidateAndApprove
          host={host}
          port={runner.port}
          onDownload={() => runner.download(t("downloadSuffix"))}
          refreshKey={runner.outcome}
          disabled={off}
        />
      </LazySection>
      {host.kind === "excel" && (
        <LazySection labelKey="sectionRules" testId="section-rules">
          <RulesAndTemplates
            port={host.port}
            dataValidation={host.dataValidation ?? apiSupport().dataValidation}
            disabled={off}
          />
        </LazySection>
      )}
    </>
  );
}

export function App({ host }: { host: PaneHost }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(host.lang);
  const [asOf, setAsOf] = useState("");
  const strings = useMemo(() => stringsFor(lang), [lang]);
  const dark = useDarkTheme(host);
  const runner = useRunner(host);
  usePrefetch();

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = strings.t("appTitle");
  }, [lang, strings]);

  return (
    <FluentProvider
      theme={dark ? webDarkTheme : webLightTheme}
      className={styles.root}
      // Native controls (the date picker) follow the theme too.
      style={{ colorScheme: dark ? "dark" : "light" }}
      data-mode={host.kind}
    >
      <StringsContext.Provider value={strings}>
        <Header onToggleLanguage={() => setLang(lang === "zh" ? "en" : "zh")} />
        <HostNotices host={host} />
        {host.kind === "file" && (
          <FilePicker
            fileName={runner.fileName}
            disabled={runner.busy !== null}
            onPick={runner.openFile}
          />
        )}
        <Actions
          mode={host.kind}
          asOf={asOf}
          onAsOf={setAsOf}
          canRun={runner.canRun}
          canDownload={runner.canDownload}
          busy={runner.busy !== null}
          onRun={(mode) => runner.run(mode, asOf)}
          onClear={runner.clearAnnotations}
          onDownload={() => runner.download(strings.t("downloadSuffix"))}
        />
        <RunFeedback runner={runner} />
        <Divider />
        <Results runner={runner} host={host} />
        <Divider />
        <MoreSections runner={runner} host={host} />
      </StringsContext.Provider>
    </FluentProvider>
  );
}
