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
import { StringsContext, stringsFor } from "./i18n";
import type { Lang } from "./strings";
import { useRunner } from "./useRunner";

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

export function App({ host }: { host: PaneHost }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(host.lang);
  const [asOf, setAsOf] = useState("");
  const strings = useMemo(() => stringsFor(lang), [lang]);
  const dark = useDarkTheme(host);
  const runner = useRunner(host);
  // An Excel too old for the core path: every action that would touch the workbook stays off.
  const unusable = host.kind === "excel" && !host.supported;

  // Once the first screen is up, the engine and the results' view are fetched ahead of the first run.
  useEffect(() => {
    const later = window.setTimeout(() => {
      prefetchEngine();
      void import(/* webpackChunkName: "results" */ "./components/FindingsList");
    }, 0);
    return () => window.clearTimeout(later);
  }, []);

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
        {host.kind === "file" && <Notice intent="info" text="fileModeNotice" />}
        {host.kind === "excel" && !host.supported && (
          <Notice
            intent="warning"
            text={host.app === "wps" ? "errorWpsTooOld" : "errorOfficeTooOld"}
          />
        )}
        {host.kind === "excel" && host.supported && host.limits.length > 0 && (
          <ExcelLimits
            limits={host.limits}
            titleKey={host.app === "wps" ? "wpsLimitsTitle" : undefined}
          />
        )}
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
        {runner.busy && <BusyIndicator step={runner.busy} />}
        {runner.error && <ErrorBar error={runner.error} onDismiss={runner.dismissError} />}
        {runner.notice && <Notice intent="success" text={runner.notice} />}
        {runner.warnings.map((w) => (
          <Notice key={w.key} intent="warning" text={w.key} vars={w.vars} />
        ))}
        <Divider />
        {runner.outcome ? (
          <Suspense
            fallback={
              <Spinner size="tiny" labelPosition="after" label={strings.t("stepLoadingSection")} />
            }
          >
            <Summary mode={runner.outcome.mode} result={runner.outcome.result} />
            <FindingsList
              result={runner.outcome.result}
              selected={runner.selected}
              onSelect={runner.select}
              selectsCells={host.kind === "excel"}
            />
          </Suspense>
        ) : (
          <Text as="p" className={styles.hint}>
            {strings.t("readyHint")}
          </Text>
        )}
        <Divider />
        <LazySection labelKey="sectionConsolidate" testId="section-consolidate">
          <ConsolidateAndApprove
            host={host}
            port={runner.port}
            onDownload={() => runner.download(strings.t("downloadSuffix"))}
            refreshKey={runner.outcome}
            disabled={runner.busy !== null || unusable}
          />
        </LazySection>
        {host.kind === "excel" && (
          <LazySection labelKey="sectionRules" testId="section-rules">
            <RulesAndTemplates
              port={host.port}
              dataValidation={host.dataValidation ?? apiSupport().dataValidation}
              disabled={runner.busy !== null || unusable}
            />
          </LazySection>
        )}
      </StringsContext.Provider>
    </FluentProvider>
  );
}
