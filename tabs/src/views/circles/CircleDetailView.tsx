import { Button } from '@fluentui/react-button';
import { Field } from '@fluentui/react-field';
import { Link } from '@fluentui/react-link';
import { Radio, RadioGroup } from '@fluentui/react-radio';
import { Select } from '@fluentui/react-select';
import { Body1, Caption1 } from '@fluentui/react-text';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { ErrorBar } from '../../components/ErrorBar';
import { LabelBadge } from '../../components/LabelBadge';
import { Page, PageHeader, Section } from '../../components/Layout';
import { useListStyles } from '../../components/listStyles';
import { NotLoaded } from '../../components/NotLoaded';
import { SuccessBar } from '../../components/SuccessBar';
import { useI18n, type MessageKey } from '../../i18n';
import { hrefFor, navigate } from '../../router';
import { useSession } from '../../session';
import { toApiError, useLoad } from '../../useLoad';
import * as circles from './api';
import type { CircleView } from './api';

/**
 * One circle: who convenes it and until when, its members, and its election — nominate (oneself
 * or another member), vote by secret ballot (changeable until the close), close it early. Only
 * counts are ever shown; the tally appears after the close.
 */
export default function CircleDetailView({ id }: { id: string }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const loaded = useLoad((signal) => circles.getCircle(api, id, signal), [api, id]);
  const [notice, setNotice] = useState<MessageKey | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const back = <BackLink href={hrefFor({ name: 'circles' })} label={t('circle.back')} />;

  if (!loaded.data) return <NotLoaded back={back} loaded={loaded} />;
  const circle = loaded.data;
  /** Runs a change; the circle it returns replaces ours. A 409 (someone else changed it) reloads. */
  const act = async (action: () => Promise<CircleView | void>, done: MessageKey) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const next = await action();
      if (next) loaded.set(next);
      setNotice(done);
    } catch (err) {
      const e = toApiError(err);
      setError(e);
      if (e.status === 409) loaded.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page>
      {back}
      <PageHeader
        title={circle.name}
        subtitle={circle.purpose || undefined}
        badges={
          circle.electionOpen ? (
            <div className={s.row}>
              <LabelBadge label={t('circle.electionOpen')} color="brand" testId="election-badge" />
            </div>
          ) : undefined
        }
        actions={
          <>
            <Button as="a" href={hrefFor({ name: 'projects', query: { circleId: circle.id } })}>
              {t('circle.projects')}
            </Button>
            {circle.can.leave && <LeaveButton busy={busy} onLeave={() => act(async () => { await circles.leaveCircle(api, circle.id); navigate({ name: 'circles' }); }, 'circle.left')} />}
          </>
        }
      />
      {notice && <SuccessBar>{t(notice)}</SuccessBar>}
      {error && <ErrorBar plain error={error} />}
      <Convenor circle={circle} />
      <Election circle={circle} busy={busy} act={act} />
      <Members circle={circle} />
    </Page>
  );
}

function LeaveButton({ busy, onLeave }: { busy: boolean; onLeave(): void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) return <Button onClick={() => setConfirming(true)}>{t('circle.leave')}</Button>;
  return (
    <span role="group" aria-label={t('circle.leaveConfirm')} style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
      <Body1>{t('circle.leaveConfirm')}</Body1>
      <Button appearance="primary" disabled={busy} onClick={onLeave}>
        {t('circle.leaveYes')}
      </Button>
      <Button onClick={() => setConfirming(false)}>{t('app.cancel')}</Button>
    </span>
  );
}

function Convenor({ circle }: { circle: CircleView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const term = circle.convenorTerm;
  return (
    <Section title={t('circle.convenor')} id="convenor">
      <dl className={s.definitions} data-testid="convenor">
        <dt className={s.term}>{t('circle.convenorLabel')}</dt>
        <dd className={s.definition} data-testid="convenor-name">
          {term.name}
          {term.interim ? ` (${t('circle.interim')})` : ''}
        </dd>
        <dt className={s.term}>{t('circle.since')}</dt>
        <dd className={s.definition}>{i18n.date(term.since)}</dd>
        <dt className={s.term}>{t('circle.termEnds')}</dt>
        <dd className={s.definition}>{term.termEndsAt ? i18n.date(term.termEndsAt) : t('circle.noTermEnd')}</dd>
        <dt className={s.term}>{t('circle.termLength')}</dt>
        <dd className={s.definition}>{i18n.plural('count.weeks', circle.termWeeks)}</dd>
      </dl>
      {circle.pastConvenors.length > 0 && (
        <>
          <Caption1 as="h3" style={{ margin: 0 }}>
            {t('circle.past')}
          </Caption1>
          <ul className={s.list} data-testid="past-convenors">
            {circle.pastConvenors.map((p) => (
              <li key={`${p.userId}-${p.from}`}>{t('circle.pastEntry', { name: p.name, from: i18n.date(p.from), to: i18n.date(p.to) })}</li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

function Members({ circle }: { circle: CircleView }) {
  const i18n = useI18n();
  const s = useListStyles();
  return (
    <Section title={`${i18n.t('circle.members')} (${circle.memberCount})`} id="members">
      <ul className={s.grid} style={{ listStyleType: 'none', margin: 0, padding: 0 }} data-testid="members">
        {circle.members.map((m) => (
          <li key={m.id} className={s.row}>
            <span>{m.name ?? i18n.word('person.former_member')}</span>
            {m.isConvenor && <LabelBadge label={i18n.t('circle.convenorLabel')} color="informative" />}
          </li>
        ))}
      </ul>
    </Section>
  );
}

type Act = (action: () => Promise<CircleView | void>, done: MessageKey) => Promise<void>;

function Election({ circle, busy, act }: { circle: CircleView; busy: boolean; act: Act }) {
  const { api, me } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const election = circle.election;
  const open = election?.status === 'open';
  const [choice, setChoice] = useState<string | undefined>(election?.myVote);
  const excluded = new Set(election?.excluded.map((p) => p.id));
  const nominated = new Set(election?.nominees.map((n) => n.id));
  const nominable = circle.members.filter((m) => !excluded.has(m.id) && !nominated.has(m.id));
  const [nominee, setNominee] = useState('');
  const nomineeChosen = nominable.some((m) => m.id === nominee) ? nominee : nominable[0]?.id ?? '';
  const iAmNominee = election?.nominees.some((n) => n.id === me.user.id);

  return (
    <Section title={t('election.title')} id="election">
      {!open && (
        <>
          <Body1 className={s.muted}>{t('election.none')}</Body1>
          {circle.can.openElection && (
            <div className={s.actions}>
              <Button appearance="primary" disabled={busy} onClick={() => act(() => circles.openElection(api, circle.id), 'election.opened')}>
                {t('election.open')}
              </Button>
            </div>
          )}
        </>
      )}
      {open && election && (
        <>
          <Body1 data-testid="election-status">
            {t(`election.reason.${election.reason}`)} {t('election.closes', { date: i18n.date(election.closesAt) })} {`${i18n.plural('count.votes', election.votesCast)}.`}
          </Body1>
          {election.excluded.length > 0 && <Caption1 className={s.muted}>{t('election.excluded', { names: i18n.list(election.excluded.map((p) => p.name ?? i18n.word('person.former_member'))) })}</Caption1>}
          <Caption1 className={s.muted}>{t('election.secret')}</Caption1>
          {election.nominees.length === 0 ? (
            <Body1>{t('election.noNominees')}</Body1>
          ) : circle.can.vote ? (
            <form
              className={s.form}
              aria-label={t('election.ballot')}
              onSubmit={(e) => {
                e.preventDefault();
                if (choice) void act(() => circles.vote(api, circle.id, choice), 'election.voted');
              }}
            >
              <Field label={t('election.yourVote')}>
                <RadioGroup value={choice ?? election.myVote ?? ''} onChange={(_, d) => setChoice(d.value)} data-testid="nominees">
                  {election.nominees.map((n) => (
                    <Radio key={n.id} value={n.id} label={`${n.name} · ${i18n.plural('count.nominations', n.nominations)}`} />
                  ))}
                </RadioGroup>
              </Field>
              <div className={s.actions}>
                <Button appearance="primary" type="submit" disabled={busy || !(choice ?? election.myVote) || (choice ?? election.myVote) === election.myVote}>
                  {election.myVote ? t('election.changeVote') : t('election.castVote')}
                </Button>
                {election.myVote && (
                  <Button disabled={busy} onClick={() => act(() => circles.withdrawVote(api, circle.id), 'election.voteWithdrawn')}>
                    {t('election.withdrawVote')}
                  </Button>
                )}
              </div>
              {election.myVote && <Caption1 data-testid="my-vote">{t('election.myVote', { name: election.nominees.find((n) => n.id === election.myVote)?.name ?? '' })}</Caption1>}
            </form>
          ) : (
            <ul className={s.list} data-testid="nominees">
              {election.nominees.map((n) => (
                <li key={n.id}>{`${n.name} · ${i18n.plural('count.nominations', n.nominations)}`}</li>
              ))}
            </ul>
          )}
          {circle.can.nominate && nominable.length > 0 && (
            <form
              className={s.inline}
              aria-label={t('election.nominate')}
              onSubmit={(e) => {
                e.preventDefault();
                if (nomineeChosen) void act(() => circles.nominate(api, circle.id, nomineeChosen), 'election.nominated');
              }}
            >
              <Field label={t('election.nominateWho')}>
                <Select value={nomineeChosen} onChange={(_, d) => setNominee(d.value)}>
                  {nominable.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.id === me.user.id ? t('election.myself', { name: m.name ?? '' }) : (m.name ?? i18n.word('person.former_member'))}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button type="submit" disabled={busy}>
                {t('election.nominate')}
              </Button>
            </form>
          )}
          <div className={s.actions}>
            {iAmNominee && (
              <Button disabled={busy} onClick={() => act(() => circles.withdrawNomination(api, circle.id, me.user.id), 'election.withdrawn')}>
                {t('election.withdrawMe')}
              </Button>
            )}
            {circle.can.closeElection && (
              <Button appearance="primary" disabled={busy} onClick={() => act(() => circles.closeElection(api, circle.id), 'election.closed')}>
                {t('election.close')}
              </Button>
            )}
          </div>
          <details>
            <summary>{t('election.rules')}</summary>
            {election.rules.map((rule) => (
              <Caption1 as="p" key={rule}>
                {i18n.word(rule)}
              </Caption1>
            ))}
          </details>
        </>
      )}
      {election?.result && election.status === 'closed' && (
        <div data-testid="election-result" className={s.item}>
          <Body1>
            {t('election.result', { number: election.number, name: election.result.winnerName })} {t(`election.rule.${election.result.rule}`)}
          </Body1>
          {election.result.tally.length > 0 && (
            <ul className={s.list}>
              {election.result.tally.map((r) => (
                <li key={r.userId}>{`${r.name}: ${i18n.plural('count.tally', r.votes)}`}</li>
              ))}
            </ul>
          )}
          <Caption1 className={s.muted}>{t('election.closedOn', { date: i18n.date(election.result.closedAt) })}</Caption1>
        </div>
      )}
      {circle.rhythm && (
        <Caption1 className={s.muted}>
          {t('circle.rhythm', { rounds: circle.rhythm.rounds })} <Link href={`#/pilots/${encodeURIComponent(circle.rhythm.pilotId)}`}>{t('circle.rhythmLink')}</Link>
        </Caption1>
      )}
    </Section>
  );
}
