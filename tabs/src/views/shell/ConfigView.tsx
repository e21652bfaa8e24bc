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
import { listTeams } from '../pilots/api';

/**
 * The channel tab's configuration page: pick a team, and Teams saves a tab whose content URL
 * carries that team's id (`?teamId=`), read back by the `#/team` view.
 */
const useStyles = makeStyles({
  form: { maxWidth: '480px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** This page's own URL (e.g. https://host/tabs/index.html), showing one team's pilots. */
export function teamTabUrl(teamId: string): string {
  const url = new URL(window.location.pathname, window.location.origin);
  url.search = `?teamId=${encodeURIComponent(teamId)}`;
  url.hash = '#/team';
  return url.toString();
}

export default function ConfigView() {
  const { api, host } = useSession();
  const { t } = useI18n();
  const s = useStyles();
  const teams = useLoad((signal) => listTeams(api, signal), [api]);
  const [teamId, setTeamId] = useState<string>();
  const team = teams.data?.find((x) => x.id === teamId);

  // Teams reads the config when the user selects Save, so hand it a getter over the latest choice.
  const latest = useRef<TabConfig | undefined>(undefined);
  latest.current = team && {
    contentUrl: teamTabUrl(team.id),
    websiteUrl: teamTabUrl(team.id),
    entityId: `pilots:${team.id}`,
    suggestedDisplayName: t('config.tabName'),
  };
  useEffect(() => {
    host.tabConfig?.onSave(() => latest.current);
  }, [host]);
  useEffect(() => {
    host.tabConfig?.setValid(!!team);
  }, [host, team]);

  return (
    <Page>
      <PageHeader title={t('config.title')} subtitle={t('config.intro')} />
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
          {team && (host.tabConfig ? <Body1 className={s.muted}>{t('config.ready')}</Body1> : <Link href={teamTabUrl(team.id)}>{t('config.preview')}</Link>)}
        </Section>
      )}
    </Page>
  );
}
