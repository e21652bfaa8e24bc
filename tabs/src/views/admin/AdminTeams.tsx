import { Badge } from '@fluentui/react-badge';
import { Button } from '@fluentui/react-button';
import { Body1, Caption1, Subtitle2 } from '@fluentui/react-text';
import { useId, useState } from 'react';
import type { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { Section } from '../../components/Layout';
import { Loading } from '../../components/Loading';
import { SuccessBar } from '../../components/SuccessBar';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { toApiError, useLoad } from '../../useLoad';
import { getTeams, nameManager, unnameManager, type TeamView } from './api';
import { sourceText, useAdminStyles } from './parts';
import { PersonPicker, usePersonPicker } from './PersonPicker';

/** Teams and their managers: Teams owners as they are, and the people admins name or take back. */
export function AdminTeams() {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useAdminStyles();
  const teams = useLoad((signal) => getTeams(api, signal), [api]);
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | undefined>();

  const replace = (team: TeamView) => teams.data && teams.set({ teams: teams.data.teams.map((x) => (x.id === team.id ? team : x)) });
  const takeBack = async (team: TeamView, userId: string, name: string) => {
    setError(undefined);
    setNotice(undefined);
    try {
      replace((await unnameManager(api, team.id, userId)).team);
      setNotice(t('teams.unnamed', { name, team: team.name }));
    } catch (err) {
      setError(toApiError(err));
    }
  };

  if (!teams.data) return teams.error ? <ErrorBar error={teams.error} onRetry={teams.reload} /> : <Loading />;
  return (
    <Section title={t('teams.title')} id="admin-teams">
      <Body1>{t('teams.intro')}</Body1>
      {notice && <SuccessBar>{notice}</SuccessBar>}
      {error && <ErrorBar plain error={error} />}
      {teams.data.teams.length === 0 && <Body1 className={s.muted}>{t('teams.none')}</Body1>}
      <ul className={s.plain} data-testid="admin-teams">
        {teams.data.teams.map((team) => (
          <li key={team.id} data-team-id={team.id}>
            <TeamCard
              team={team}
              onTakeBack={(userId, name) => void takeBack(team, userId, name)}
              onNamed={(next, name) => {
                replace(next);
                setError(undefined);
                setNotice(t('teams.named', { name, team: team.name }));
              }}
            />
          </li>
        ))}
      </ul>
    </Section>
  );
}

function TeamCard({ team, onTakeBack, onNamed }: { team: TeamView; onTakeBack(userId: string, name: string): void; onNamed(team: TeamView, name: string): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useAdminStyles();
  const headingId = useId();
  return (
    <article aria-labelledby={headingId} className={s.plain}>
      <div className={s.row}>
        <Subtitle2 as="h3" id={headingId}>
          {team.name}
        </Subtitle2>
        <Badge appearance="outline">{t(`teams.kind.${team.kind}`)}</Badge>
        <Caption1 className={s.muted}>{i18n.plural('teams.people', team.memberCount)}</Caption1>
      </div>
      {team.managers.length === 0 ? (
        <Body1 className={s.muted}>{t('teams.noManager')}</Body1>
      ) : (
        <ul className={s.plain} aria-label={t('teams.managers', { team: team.name })}>
          {team.managers.map((m) => (
            <li key={m.userId} className={s.row}>
              <Body1>{m.name}</Body1>
              <Caption1 className={s.muted}>{sourceText(t, m.source, m.by)}</Caption1>
              {m.source !== 'teams' && (
                <Button size="small" onClick={() => onTakeBack(m.userId, m.name)} aria-label={t('teams.removeLabel', { name: m.name, team: team.name })}>
                  {t('teams.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <NameManager team={team} onNamed={onNamed} />
    </article>
  );
}

/** Search someone by name, choose them, name them. */
function NameManager({ team, onNamed }: { team: TeamView; onNamed(team: TeamView, name: string): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useAdminStyles();
  const picker = usePersonPicker();
  const { chosen } = picker;
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(undefined);
    if (!chosen) return setProblem(t('teams.pickPerson'));
    setBusy(true);
    try {
      const { team: next } = await nameManager(api, team.id, chosen.userId);
      onNamed(next, chosen.name);
      picker.clear();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={s.actions}
      aria-label={t('teams.nameLabel', { team: team.name })}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <PersonPicker
        picker={picker}
        label={t('teams.person')}
        placeholder={t('teams.searchPlaceholder')}
        noMatch={t('teams.noMatch')}
        problem={problem}
        onTyped={() => setProblem(undefined)}
        onChosen={() => setProblem(undefined)}
      />
      <Button type="submit" disabled={busy}>
        {t('teams.name')}
      </Button>
      {error && <ErrorBar plain error={error} />}
    </form>
  );
}
