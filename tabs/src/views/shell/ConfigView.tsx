import { Body1 } from '@fluentui/react-text';
import { Dropdown, Option } from '@fluentui/react-combobox';
import { Field } from '@fluentui/react-field';
import { Link } from '@fluentui/react-link';
import { MessageBar, MessageBarBody } from '@fluentui/react-message-bar';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useEffect, useRef, useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { Page, PageHeader, Section } from '../../components/Layout';
import { Loading } from '../../components/Loading';
import type { TabConfig } from '../../host/types';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../useLoad';
import { hrefFor } from '../../router';
import { listCircles } from '../circles/api';
import { listTeams } from '../pilots/api';

/**
 * The configurable tab's configuration page. In a channel: pick a team, and Teams saves a tab
 * whose content URL carries that team's id (`?teamId=`), read back by the `#/team` view. In a
 * meeting: pick the team whose check-in the meeting talks through (`#/meeting`, also the side
 * panel and stage). In a group chat: pick the circle that meets there, and its page is pinned.
 */
const useStyles = makeStyles({
  form: { maxWidth: '480px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** This page's own URL (e.g. https://host/tabs/index.html), showing one team's pilots (or, `#/meeting`, its check-in). */
export function teamTabUrl(teamId: string, hash = '#/team'): string {
  const url = new URL(window.location.pathname, window.location.origin);
  url.search = `?teamId=${encodeURIComponent(teamId)}`;
  url.hash = hash;
  return url.toString();
}

/** A circle's page, pinned in the group chat it meets in. */
export function circleTabUrl(circleId: string): string {
  const url = new URL(window.location.pathname, window.location.origin);
  url.hash = hrefFor({ name: 'circle', id: circleId });
  return url.toString();
}

export default function ConfigView() {
  const { host } = useSession();
  return host.surface === 'groupChat' ? <CircleConfig /> : <TeamConfig meeting={host.surface === 'meeting'} />;
}

/** Hands Teams the tab to save: read when the user selects Save, so a getter over the latest choice. */
function useTabConfig(config: TabConfig | undefined) {
  const { host } = useSession();
  const latest = useRef<TabConfig | undefined>(undefined);
  latest.current = config;
  useEffect(() => {
    host.tabConfig?.onSave(() => latest.current);
  }, [host]);
  useEffect(() => {
    host.tabConfig?.setValid(!!config);
  }, [host, !!config]);
}

function TeamConfig({ meeting }: { meeting: boolean }) {
  const { api, host } = useSession();
  const { t } = useI18n();
  const s = useStyles();
  const teams = useLoad((signal) => listTeams(api, signal), [api]);
  const [teamId, setTeamId] = useState<string>();
  const team = teams.data?.find((x) => x.id === teamId);
  const hash = meeting ? '#/meeting' : '#/team';
  useTabConfig(
    team && {
      contentUrl: teamTabUrl(team.id, hash),
      websiteUrl: teamTabUrl(team.id, hash),
      entityId: `${meeting ? 'meeting' : 'pilots'}:${team.id}`,
      suggestedDisplayName: t(meeting ? 'config.meetingTabName' : 'config.tabName'),
    },
  );
  return (
    <Page>
      <PageHeader title={t(meeting ? 'config.meetingTitle' : 'config.title')} subtitle={t(meeting ? 'config.meetingIntro' : 'config.intro')} />
      {teams.error && <ErrorBar error={teams.error} onRetry={teams.reload} />}
      {teams.loading && !teams.data && <Loading />}
      {teams.data && (
        <Section className={s.form}>
          {teams.data.length ? (
            <Field label={t('config.team')} required>
              <Dropdown
                placeholder={t('form.teamPlaceholder')}
                value={team?.name ?? ''}
                selectedOptions={teamId ? [teamId] : []}
                onOptionSelect={(_, d) => setTeamId(d.optionValue)}
              >
                {teams.data.map((x) => (
                  <Option key={x.id} value={x.id}>
                    {x.name}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          ) : (
            <MessageBar intent="info">
              <MessageBarBody>{t('config.noTeams')}</MessageBarBody>
            </MessageBar>
          )}
          {team && (host.tabConfig ? <Body1 className={s.muted}>{t('config.ready')}</Body1> : <Link href={teamTabUrl(team.id, hash)}>{t('config.preview')}</Link>)}
        </Section>
      )}
    </Page>
  );
}

function CircleConfig() {
  const { api, host } = useSession();
  const { t } = useI18n();
  const s = useStyles();
  const circles = useLoad((signal) => listCircles(api, 'mine', signal), [api]);
  const [circleId, setCircleId] = useState<string>();
  const circle = circles.data?.find((c) => c.id === circleId);
  useTabConfig(circle && { contentUrl: circleTabUrl(circle.id), websiteUrl: circleTabUrl(circle.id), entityId: circle.id, suggestedDisplayName: circle.name });
  return (
    <Page>
      <PageHeader title={t('config.circleTitle')} subtitle={t('config.circleIntro')} />
      {circles.error && <ErrorBar error={circles.error} onRetry={circles.reload} />}
      {circles.loading && !circles.data && <Loading />}
      {circles.data && (
        <Section className={s.form}>
          {circles.data.length ? (
            <Field label={t('config.circle')} required>
              <Dropdown placeholder={t('config.circle')} value={circle?.name ?? ''} selectedOptions={circleId ? [circleId] : []} onOptionSelect={(_, d) => setCircleId(d.optionValue)}>
                {circles.data.map((c) => (
                  <Option key={c.id} value={c.id}>
                    {c.name}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          ) : (
            <MessageBar intent="info">
              <MessageBarBody>{t('config.noCircles')}</MessageBarBody>
            </MessageBar>
          )}
          {circle && (host.tabConfig ? <Body1 className={s.muted}>{t('config.ready')}</Body1> : <Link href={circleTabUrl(circle.id)}>{t('config.preview')}</Link>)}
        </Section>
      )}
    </Page>
  );
}
