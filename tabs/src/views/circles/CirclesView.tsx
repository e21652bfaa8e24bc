import { Button } from '@fluentui/react-button';
import { Field } from '@fluentui/react-field';
import { Input } from '@fluentui/react-input';
import { Link } from '@fluentui/react-link';
import { Select } from '@fluentui/react-select';
import { Body1, Subtitle2 } from '@fluentui/react-text';
import { Textarea } from '@fluentui/react-textarea';
import { useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldState, lengthProblem, useSubmit } from '../../components/forms';
import { LabelBadge } from '../../components/LabelBadge';
import { Page, PageHeader, Section } from '../../components/Layout';
import { useListStyles } from '../../components/listStyles';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { hrefFor, navigate } from '../../router';
import { useSession } from '../../session';
import { useLoad } from '../../useLoad';
import { circleOptions, joinCircle, listCircles, startCircle, type CircleSummary } from './api';

/** My circles, the organisation's other circles (to join if I am in their chat), and starting one. */
export default function CirclesView() {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const mine = useLoad((signal) => listCircles(api, 'mine', signal), [api]);
  const all = useLoad((signal) => listCircles(api, 'all', signal), [api]);
  const others = (all.data ?? []).filter((c) => !c.isMember);

  return (
    <Page>
      <PageHeader title={t('circles.title')} subtitle={t('circles.subtitle')} />
      <Section title={t('circles.mine')} id="my-circles">
        {mine.loading && !mine.data && <Loading />}
        {mine.error && <ErrorBar plain error={mine.error} onRetry={mine.reload} />}
        {mine.data && mine.data.length === 0 && <Body1 className={s.muted}>{t('circles.none')}</Body1>}
        {mine.data && mine.data.length > 0 && (
          <ul className={s.grid} style={{ listStyleType: 'none', margin: 0, padding: 0 }} data-testid="my-circles">
            {mine.data.map((c) => (
              <CircleCard key={c.id} circle={c} />
            ))}
          </ul>
        )}
      </Section>
      <StartCircle
        onStarted={(id) => {
          navigate({ name: 'circle', id });
        }}
      />
      {others.length > 0 && (
        <Section title={t('circles.others')} id="other-circles">
          <ul className={s.grid} style={{ listStyleType: 'none', margin: 0, padding: 0 }} data-testid="other-circles">
            {others.map((c) => (
              <CircleCard
                key={c.id}
                circle={c}
                onJoin={async () => {
                  await joinCircle(api, c.id);
                  navigate({ name: 'circle', id: c.id });
                }}
              />
            ))}
          </ul>
        </Section>
      )}
    </Page>
  );
}

function CircleCard({ circle, onJoin }: { circle: CircleSummary; onJoin?: () => Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const submit = useSubmit();
  return (
    <li className={s.item} data-circle-id={circle.id}>
      <Subtitle2 as="h3" style={{ margin: 0 }}>
        {circle.isMember ? <Link href={hrefFor({ name: 'circle', id: circle.id })}>{circle.name}</Link> : circle.name}
      </Subtitle2>
      <div className={s.row}>
        <span className={s.muted}>{i18n.plural('count.members', circle.memberCount)}</span>
        {circle.electionOpen && <LabelBadge label={t('circle.electionOpen')} color="brand" />}
      </div>
      {circle.purpose && <Body1 className={s.text}>{circle.purpose}</Body1>}
      <Body1>{t('circle.convenorIs', { name: circle.convenor.name })}</Body1>
      {onJoin && (
        <div className={s.actions}>
          <Button size="small" disabled={submit.busy} onClick={() => submit.run(() => ({}), onJoin)} aria-label={t('circle.joinNamed', { name: circle.name })}>
            {t('circle.join')}
          </Button>
        </div>
      )}
      {submit.error && <ErrorBar plain error={submit.error} />}
    </li>
  );
}

function StartCircle({ onStarted }: { onStarted(id: string): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useListStyles();
  const options = useLoad((signal) => circleOptions(api, signal), [api]);
  const free = (options.data ?? []).filter((c) => !c.circleId);
  const [open, setOpen] = useState(false);
  const [teamId, setTeamId] = useState('');
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const submit = useSubmit();
  if (!free.length) return null;
  const chosen = teamId || free[0].teamId;
  return (
    <Section title={t('circles.start')} id="start-circle">
      <Body1 className={s.muted}>{t('circles.startHint')}</Body1>
      {!open ? (
        <div className={s.actions}>
          <Button appearance="primary" onClick={() => setOpen(true)}>
            {t('circles.startButton')}
          </Button>
        </div>
      ) : (
        <form
          className={s.form}
          aria-label={t('circles.start')}
          noValidate
          onChange={submit.onEdit}
          onSubmit={async (e) => {
            e.preventDefault();
            const circle = await submit.run(
              () => ({ name: lengthProblem(t, name, 3, 80), purpose: purpose.length > 500 ? t('v.max', { max: 500 }) : undefined }),
              () => startCircle(api, { teamId: chosen, name: name.trim(), purpose: purpose.trim() }),
            );
            if (circle) onStarted(circle.id);
          }}
        >
          <Field label={t('circles.conversation')} required {...fieldState(submit.fields.teamId)}>
            <Select name="teamId" value={chosen} onChange={(_, d) => setTeamId(d.value)}>
              {free.map((c) => (
                <option key={c.teamId} value={c.teamId}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('circles.name')} required {...fieldState(submit.fields.name)}>
            <Input name="name" value={name} onChange={(_, d) => setName(d.value)} maxLength={80} />
          </Field>
          <Field label={t('circles.purpose')} {...fieldState(submit.fields.purpose)}>
            <Textarea name="purpose" value={purpose} onChange={(_, d) => setPurpose(d.value)} resize="vertical" />
          </Field>
          {submit.error && <ErrorBar plain error={submit.error} />}
          <div className={s.actions}>
            <Button appearance="primary" type="submit" disabled={submit.busy}>
              {t('circles.startSubmit')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('app.cancel')}</Button>
          </div>
        </form>
      )}
    </Section>
  );
}
