import { Divider, FluentProvider, Text, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { Actions } from './components/Actions';
import { FilePicker } from './components/FilePicker';
import { FindingsList } from './components/FindingsList';
import { Header } from './components/Header';
import { BusyIndicator, ErrorBar, ExcelLimits, Notice } from './components/Messages';
import { Summary } from './components/Summary';
import { RulesAndTemplates } from './components/RulesAndTemplates';
import { ConsolidateAndApprove } from './components/ConsolidateAndApprove';
import { apiSupport } from '../workbook/office';
import type { PaneHost } from './host';
import { prefersDark } from './host';
import { StringsContext, stringsFor } from './i18n';
import type { Lang } from './strings';
import { useRunner } from './useRunner';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** Office's theme inside Excel; the system's light/dark preference (followed live) in a browser. */
function useDarkTheme(host: PaneHost): boolean {
  const [dark, setDark] = useState(host.dark);
  useEffect(() => {
    if (host.kind !== 'file' || typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setDark(prefersDark());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [host]);
  return dark;
}

export function App({ host }: { host: PaneHost }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(host.lang);
  const [asOf, setAsOf] = useState('');
  const strings = useMemo(() => stringsFor(lang), [lang]);
  const dark = useDarkTheme(host);
  const runner = useRunner(host);
  // An Excel too old for the core path: every action that would touch the workbook stays off.
  const unusable = host.kind === 'excel' && !host.supported;

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = strings.t('appTitle');
  }, [lang, strings]);

  return (
    <FluentProvider
      theme={dark ? webDarkTheme : webLightTheme}
      className={styles.root}
      // Native controls (the date picker) follow the theme too.
      style={{ colorScheme: dark ? 'dark' : 'light' }}
      data-mode={host.kind}
    >
      <StringsContext.Provider value={strings}>
        <Header onToggleLanguage={() => setLang(lang === 'zh' ? 'en' : 'zh')} />
        {host.kind === 'file' && <Notice intent="info" text="fileModeNotice" />}
        {host.kind === 'excel' && !host.supported && <Notice intent="warning" text="errorOfficeTooOld" />}
        {host.kind === 'excel' && host.supported && host.limits.length > 0 && <ExcelLimits limits={host.limits} />}
        {host.kind === 'file' && (
          <FilePicker fileName={runner.fileName} disabled={runner.busy !== null} onPick={runner.openFile} />
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
          onDownload={() => runner.download(strings.t('downloadSuffix'))}
        />
        {runner.busy && <BusyIndicator step={runner.busy} />}
        {runner.error && <ErrorBar error={runner.error} onDismiss={runner.dismissError} />}
        {runner.notice && <Notice intent="success" text={runner.notice} />}
        {runner.warnings.map((w) => (
          <Notice key={w.key} intent="warning" text={w.key} vars={w.vars} />
        ))}
        <Divider />
        {runner.outcome ? (
          <>
            <Summary mode={runner.outcome.mode} result={runner.outcome.result} />
            <FindingsList
              result={runner.outcome.result}
              selected={runner.selected}
              onSelect={runner.select}
              selectsCells={host.kind === 'excel'}
            />
          </>
        ) : (
          <Text as="p" className={styles.hint}>
            {strings.t('readyHint')}
          </Text>
        )}
        <Divider />
        <ConsolidateAndApprove
          host={host}
          port={runner.port}
          onDownload={() => runner.download(strings.t('downloadSuffix'))}
          refreshKey={runner.outcome}
          disabled={runner.busy !== null || unusable}
        />
        {host.kind === 'excel' && (
          <>
            <Divider />
            <RulesAndTemplates port={host.port} dataValidation={apiSupport().dataValidation} disabled={runner.busy !== null || unusable} />
          </>
        )}
      </StringsContext.Provider>
    </FluentProvider>
  );
}
