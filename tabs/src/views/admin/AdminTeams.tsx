import { Badge } from '@fluentui/react-badge';
import { Button } from '@fluentui/react-button';
import { Combobox, Option } from '@fluentui/react-combobox';
import { Field } from '@fluentui/react-field';
import { Body1, Caption1, Subtitle2 } from '@fluentui/react-text';
import { useEffect, useId, useState } from 'react';
import type { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { Section } from '../../components/Layout';
import { Loading } from '../../components/Loading';
import { SuccessBar } from '../../components/SuccessBar';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { toApiError, useLoad } from '../../useLoad';
import { findPeople, getTeams, nameManager, unnameManager, type PersonView, type TeamView } from './api';
import { sourceText, useAdminStyles } from './parts';

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
  const [query, setQuery] = useState('');
  const [people, setPeople] = useState<PersonView[]>([]);
  const [chosen, setChosen] = useState<PersonView | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!query.trim() || chosen?.name === query) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      findPeople(api, query, controller.signal).then(
        (r) => setPeople(r.people),
        () => undefined,
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, query, chosen]);

  const submit = async () => {
    setError(undefined);
    if (!chosen) return setProblem(t('teams.pickPerson'));
    setBusy(true);
    try {
      const { team: next } = await nameManager(api, team.id, chosen.userId);
      onNamed(next, chosen.name);
      setQuery('');
      setChosen(undefined);
      setPeople([]);
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
      <Field label={t('teams.person')} className={s.field} validationState={problem ? 'error' : undefined} validationMessage={problem}>
        <Combobox
          placeholder={t('teams.searchPlaceholder')}
          value={query}
          selectedOptions={chosen ? [chosen.userId] : []}
          onInput={(e) => {
            setQuery((e.target as HTMLInputElement).value);
            setChosen(undefined);
            setProblem(undefined);
          }}
          onOptionSelect={(_, d) => {
            const person = people.find((p) => p.userId === d.optionValue);
            setChosen(person);
            setQuery(person?.name ?? '');
            setProblem(undefined);
          }}
        >
          {people.map((p) => (
            <Option key={p.userId} value={p.userId} text={p.name}>
              {p.jobTitle ? `${p.name} · ${p.jobTitle}` : p.name}
            </Option>
          ))}
          {query.trim() && people.length === 0 && (
            <Option key="none" value="" text="" disabled>
              {t('teams.noMatch')}
            </Option>
          )}
        </Combobox>
      </Field>
      <Button type="submit" disabled={busy}>
        {t('teams.name')}
      </Button>
      {error && <ErrorBar plain error={error} />}
    </form>
  );
}
