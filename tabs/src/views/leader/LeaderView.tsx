import { Tab, TabList } from '@fluentui/react-tabs';
import { Body1 } from '@fluentui/react-text';
import { makeStyles, mergeClasses } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { Suspense, lazy, useEffect, useId, useRef, useState } from 'react';
import type { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { ExportButton } from '../../components/ExportButton';
import { Page, PageHeader, Section } from '../../components/Layout';
import { Loading } from '../../components/Loading';
import { useI18n, type I18n, type MessageKey } from '../../i18n';
import { LEADER_SECTIONS, navigate, type LeaderFilter, type LeaderSection } from '../../router';
import { useSession } from '../../session';
import { useLoad } from '../../useLoad';
import { getFirstRows, getPortfolio, takeFirstRows, pilotsCsv, portfolioFilterOf, type Portfolio, type PortfolioRow } from './api';
import { PortfolioGrid, ROW_HEIGHT } from './PortfolioGrid';

/**
 * The senior leaders' view: every pilot in the tenant (filterable, virtualized), what each
 * practice's pilots decided and learned, trends over time, and the feedback addressed to leaders.
 * Its own chunk: people who are not leaders never download it. Charts and the feedback section
 * are further chunks, fetched when their section opens.
 */
const OutcomesSection = lazy(() => import('./OutcomesSection'));
const TrendsSection = lazy(() => import('./TrendsSection'));
const LeaderFeedback = lazy(() => import('./LeaderFeedback'));
const PulseGroupBanner = lazy(() => import('../pulse/PulseGroupBanner'));
// The filter dropdowns (with their popup positioning) are a chunk of their own, fetched once the
// first rows are in: the rows never wait for them.
const LeaderFilters = lazy(() => import('./LeaderFilters'));

const useStyles = makeStyles({
  stats: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    '@media (max-width: 600px)': { gridTemplateColumns: 'repeat(auto-fit, minmax(110px, 1fr))', gap: tokens.spacingHorizontalS },
  },
  stat: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    '@media (max-width: 600px)': { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  statLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  statValue: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  atRisk: { color: tokens.colorPaletteRedForeground1 },
  watch: { color: tokens.colorStatusWarningForeground3 },
  sections: { maxWidth: '100%', overflowX: 'auto' },
  panel: { minWidth: 0 },
  panelBody: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // The filter bar's height while its chunk loads (a label and a control), so rows never jump.
  filtersPlaceholder: { minHeight: '58px' },
  listHeader: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
  gridCard: { paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
});

const SECTION_LABEL: Record<LeaderSection, MessageKey> = {
  pilots: 'leader.section.pilots',
  outcomes: 'leader.section.outcomes',
  trends: 'leader.section.trends',
  feedback: 'leader.section.feedback',
};

export default function LeaderView({ section, filter }: { section: LeaderSection; filter: LeaderFilter }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const ids = useId();
  const [exportError, setExportError] = useState<ApiError | undefined>();
  const usesPortfolio = section !== 'feedback';
  const apiFilter = portfolioFilterOf(filter);
  const filterDeps = [api, filter.status, filter.practiceId, filter.teamId, filter.managerId, filter.group];
  // The pilots section asks first for the grid's first rows and the totals (a few KB), then for the
  // whole portfolio (every pilot, outcomes, trend, facets), which takes their place.
  const firstRows = useLoad(
    (signal) => (section === 'pilots' ? getFirstRows(api, apiFilter, signal) : Promise.resolve(undefined)),
    filterDeps,
    () => (section === 'pilots' ? takeFirstRows(api, apiFilter) : undefined),
  );
  const waiting = section === 'pilots' && firstRows.loading;
  const portfolio = useLoad((signal) => (usesPortfolio && !waiting ? getPortfolio(api, apiFilter, signal) : Promise.resolve(undefined)), [...filterDeps, usesPortfolio, waiting]);
  // Facets stay while a new filter loads, so the dropdowns never empty under the reader.
  const lastData = useRef<Portfolio | undefined>();
  if (portfolio.data) lastData.current = portfolio.data;
  const data = portfolio.data ?? lastData.current;
  // The rows of this filter: the whole list once here, else its first rows; else the last list, marked as loading.
  const current = (portfolio.loading ? undefined : portfolio.data) ?? (waiting ? undefined : firstRows.data);
  const rows = current ?? data;
  const error = portfolio.error ?? (waiting ? undefined : firstRows.error);

  const go = (next: { section?: LeaderSection; filter?: LeaderFilter }, replace = false) =>
    navigate({ name: 'leader', section: next.section ?? section, filter: next.filter ?? filter }, { replace });

  const exportButton = section === 'pilots' && (
    <ExportButton label={t('leader.export')} fetchFile={() => pilotsCsv(api, apiFilter)} fallbackName="leaderful-pilots.csv" onError={setExportError} />
  );

  return (
    <Page>
      <PageHeader title={t('leader.title')} subtitle={t('leader.subtitle')} actions={exportButton} />
      {exportError && <ErrorBar error={exportError} />}
      {usesPortfolio && rows && <Totals totals={rows.totals} />}
      <TabList
        className={s.sections}
        selectedValue={section}
        onTabSelect={(_, d) => go({ section: d.value as LeaderSection })}
        aria-label={t('leader.sections')}
      >
        {LEADER_SECTIONS.map((sec) => (
          <Tab key={sec} value={sec} id={`${ids}-${sec}`} data-section={sec} onPointerEnter={sec === 'feedback' ? () => preloadFeedback(i18n) : undefined}>
            {t(SECTION_LABEL[sec])}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-labelledby={`${ids}-${section}`} className={s.panel}>
        <div className={s.panelBody}>
          {usesPortfolio && filter.group && (
            <Suspense fallback={null}>
              <PulseGroupBanner group={filter.group} signal={filter.signal} onClear={() => go({ filter: { ...filter, group: undefined, signal: undefined } })} />
            </Suspense>
          )}
          {usesPortfolio &&
            (data ? (
              <Suspense fallback={<div className={s.filtersPlaceholder} />}>
                <LeaderFilters filter={filter} facets={data.facets} onChange={(f) => go({ filter: f }, true)} />
              </Suspense>
            ) : (
              <div className={s.filtersPlaceholder} />
            ))}
          {usesPortfolio && error && <ErrorBar error={error} onRetry={portfolio.reload} />}
          {usesPortfolio && !rows && !error && <Loading />}
          {section === 'pilots' && rows && <PilotsSection pilots={rows.pilots} total={rows.totals.pilots} listKey={JSON.stringify(apiFilter)} loading={!current} />}
          <Suspense fallback={<Loading />}>
            {section === 'outcomes' && data && <OutcomesSection outcomes={data.outcomes} />}
            {section === 'trends' && data && <TrendsSection trend={data.trend} />}
            {section === 'feedback' && <LeaderFeedback />}
          </Suspense>
        </div>
      </div>
    </Page>
  );
}

/** The feedback section's chunk and its strings (the feedback area's), fetched ahead of a click. */
const preloadFeedback = (i18n: I18n) => {
  void import('./LeaderFeedback');
  i18n.area('feedback').catch(() => undefined);
};

function Totals({ totals }: { totals: Portfolio['totals'] }) {
  const { t } = useI18n();
  const s = useStyles();
  const active = totals.byStatus.active ?? 0;
  const items: { key: string; label: MessageKey; value: number; className?: string }[] = [
    { key: 'pilots', label: 'leader.stat.pilots', value: totals.pilots },
    { key: 'active', label: 'leader.stat.active', value: active },
    { key: 'atRisk', label: 'leader.stat.atRisk', value: totals.atRisk, className: totals.atRisk ? s.atRisk : undefined },
    { key: 'watch', label: 'leader.stat.watch', value: totals.watch, className: totals.watch ? s.watch : undefined },
    { key: 'openFeedback', label: 'leader.stat.openFeedback', value: totals.openFeedback },
  ];
  return (
    <dl className={s.stats} aria-label={t('leader.stats')} data-testid="totals">
      {items.map((i) => (
        <div key={i.key} className={s.stat} data-stat={i.key}>
          <dt className={s.statLabel}>{t(i.label)}</dt>
          <dd className={mergeClasses(s.statValue, i.className)}>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The grid's height: most of the window, never taller than its rows. */
function useGridHeight(rows: number): number {
  const [viewport, setViewport] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setViewport(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const wanted = 40 + Math.max(1, rows) * ROW_HEIGHT + 2;
  return Math.min(wanted, Math.max(320, Math.round(viewport * 0.7)));
}

/** `pilots`: the rows here so far (the first rows, then all); `total`: how many the filters select. */
function PilotsSection({ pilots, total, listKey, loading }: { pilots: PortfolioRow[]; total: number; listKey: string; loading: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const height = useGridHeight(total);
  return (
    <Section className={s.gridCard}>
      <div className={s.listHeader}>
        <Body1 className={s.muted} aria-live="polite" data-testid="pilot-count">
          {loading ? t('app.loading') : i18n.plural('leader.showing', total)}
        </Body1>
      </div>
      {pilots.length ? <PortfolioGrid pilots={pilots} total={total} listKey={listKey} height={height} /> : <Body1>{t('leader.noPilots')}</Body1>}
    </Section>
  );
}
