import { Link } from '@fluentui/react-link';
import { Body1 } from '@fluentui/react-text';
import { Button } from '@fluentui/react-button';
import { Switch } from '@fluentui/react-switch';
import { Tab, TabList } from '@fluentui/react-tabs';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { AddRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { Page, PageHeader, Section } from '../../components/Layout';
import { Loading } from '../../components/Loading';
import { flash } from '../../flash';
import { useI18n, type MessageKey } from '../../i18n';
import { hrefFor, navigate } from '../../router';
import { canCreatePilots, hasRole, useSession } from '../../session';
import { useLoad } from '../../useLoad';
import { listPilots, listTeams, type PilotView } from './api';
import { preloadPilotForm, useDialogs } from './DialogHost';
import { PilotTable } from './PilotTable';
import { FILTERS, matchesFilter, type StatusFilter } from './status';

/** Which pilots a list shows: the caller's, or one team's (channel tab). Leaders' list of every pilot is LeaderView. */
export type PilotScope = { kind: 'mine' } | { kind: 'team'; teamId?: string };

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  // Status tabs scroll sideways on narrow screens instead of spilling out of the page.
  filters: { maxWidth: '100%', overflowX: 'auto' },
  count: { marginInlineStart: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  tableCard: { paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS, overflowX: 'auto' },
  empty: { alignItems: 'flex-start', paddingTop: tokens.spacingVerticalXXL, paddingBottom: tokens.spacingVerticalXXL },
  muted: { color: tokens.colorNeutralForeground3 },
});

const FILTER_LABEL: Record<StatusFilter, MessageKey> = {
  all: 'pilots.filterAll',
  draft: 'status.draft',
  active: 'status.active',
  paused: 'status.paused',
  in_review: 'status.in_review',
  closed: 'pilots.filterClosed',
};

export function PilotsView({ scope }: { scope: PilotScope }) {
  const { api, me } = useSession();
  const { t } = useI18n();
  const s = useStyles();
  // Off by default: a leader who runs no pilot would otherwise open the tab to an empty list.
  const [onlyMine, setOnlyMine] = useState(false);
  const [filter, setFilter] = useState<StatusFilter>('all');
  const showDialog = useDialogs();
  const teamId = scope.kind === 'team' ? scope.teamId : undefined;

  const pilots = useLoad(
    (signal) => (scope.kind === 'team' && !teamId ? Promise.resolve([]) : listPilots(api, { mine: scope.kind === 'mine' && onlyMine, teamId }, signal)),
    [api, scope.kind, teamId, onlyMine],
  );
  const teams = useLoad((signal) => (teamId ? listTeams(api, signal) : Promise.resolve([])), [api, teamId]);
  const teamName = teams.data?.find((x) => x.id === teamId)?.name ?? pilots.data?.[0]?.teamName;

  const counts = useMemo(() => {
    const all = pilots.data ?? [];
    return Object.fromEntries(FILTERS.map((f) => [f, all.filter((p) => matchesFilter(p.status, f)).length])) as Record<StatusFilter, number>;
  }, [pilots.data]);
  const shown = (pilots.data ?? []).filter((p) => matchesFilter(p.status, filter));

  const header = {
    mine: { title: t('pilots.title'), subtitle: t('pilots.subtitle') },
    team: { title: teamName ?? t('team.title'), subtitle: teamName ? t('team.subtitle', { team: teamName }) : undefined },
  }[scope.kind];

  const canCreate = canCreatePilots(me) && !(scope.kind === 'team' && !teamId);
  const create = () =>
    showDialog({
      kind: 'pilotForm',
      props: {
        mode: 'create',
        defaultTeamId: teamId,
        onSaved(pilot: PilotView) {
          flash.set('done.created');
          navigate({ name: 'pilot', id: pilot.id });
        },
      },
    });

  // Admins manage the library the pilots start from.
  const libraryLink = scope.kind === 'mine' && hasRole(me, 'admin') && <Link href={hrefFor({ name: 'practices' })}>{t('lib.manage')}</Link>;
  const newButton = (canCreate || libraryLink) && (
    <>
      {libraryLink}
      {canCreate && (
        <Button appearance="primary" icon={<AddRegular />} onClick={create} onPointerEnter={preloadPilotForm} onFocus={preloadPilotForm}>
          {t('pilots.new')}
        </Button>
      )}
    </>
  );

  return (
    <Page>
      <PageHeader title={header.title} subtitle={header.subtitle} actions={newButton} />
      {scope.kind === 'team' && !teamId ? (
        <Section>
          <Body1>{t('team.missing')}</Body1>
        </Section>
      ) : (
        <>
          <div className={s.toolbar}>
            <TabList className={s.filters} selectedValue={filter} onTabSelect={(_, d) => setFilter(d.value as StatusFilter)} aria-label={t('pilots.filterLabel')} size="small">
              {FILTERS.map((f) => (
                <Tab key={f} value={f} data-filter={f}>
                  {t(FILTER_LABEL[f])}
                  {pilots.data && <span className={s.count}>{counts[f]}</span>}
                </Tab>
              ))}
            </TabList>
            {scope.kind === 'mine' && hasRole(me, 'manager', 'leader', 'admin') && (
              <Switch label={t('pilots.onlyMine')} checked={onlyMine} onChange={(_, d) => setOnlyMine(d.checked)} />
            )}
          </div>
          {pilots.error && <ErrorBar error={pilots.error} onRetry={pilots.reload} />}
          {!pilots.data && pilots.loading && <Loading />}
          {pilots.data && shown.length > 0 && (
            <Section className={s.tableCard}>
              <PilotTable pilots={shown} showTeam={scope.kind !== 'team'} />
            </Section>
          )}
          {pilots.data && shown.length === 0 && (
            <Section className={s.empty} title={filter === 'all' ? t('pilots.empty') : t('pilots.emptyFilter')} id="empty">
              {filter === 'all' && <Body1 className={s.muted}>{canCreate ? t('pilots.emptyManager') : t('pilots.emptyMember')}</Body1>}
              {filter === 'all' && newButton}
            </Section>
          )}
        </>
      )}
    </Page>
  );
}
