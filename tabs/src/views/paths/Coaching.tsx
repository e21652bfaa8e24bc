import { Button } from '@fluentui/react-button';
import { Field } from '@fluentui/react-field';
import { Radio, RadioGroup } from '@fluentui/react-radio';
import { Body1, Caption1 } from '@fluentui/react-text';
import { Textarea } from '@fluentui/react-textarea';
import { useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldState, lengthProblem, useSubmit } from '../../components/forms';
import { Section } from '../../components/Layout';
import { useListStyles } from '../../components/listStyles';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import * as paths from './api';
import type { PathView as Path } from './api';
import type { Updated } from './PathSections';

/** Coaching notes and the readiness review: on my own path, and on a path shared with me as its coach. */
export function Coaching({ path, onDone }: { path: Path; onDone: Updated }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const [text, setText] = useState('');
  const submit = useSubmit();
  return (
    <Section title={t('coaching.title')} id="coaching">
      {path.coaching.length === 0 ? (
        <Body1 className={s.muted}>{t('coaching.none')}</Body1>
      ) : (
        <ul className={s.list} data-testid="coaching">
          {path.coaching.map((c) => (
            <li key={c.id} className={s.item}>
              <Caption1 className={s.muted}>{t('coaching.entry', { name: c.byName, date: i18n.date(c.at) })}</Caption1>
              <Body1 className={s.text}>{c.text}</Body1>
            </li>
          ))}
        </ul>
      )}
      {(path.can.coach || path.isOwner) && (
        <form
          className={s.form}
          aria-label={t('coaching.add')}
          noValidate
          onChange={submit.onEdit}
          onSubmit={async (e) => {
            e.preventDefault();
            const next = await submit.run(() => ({ text: lengthProblem(t, text, 3, 2000) }), () => paths.addCoaching(api, path.id, text.trim()));
            if (next) {
              setText('');
              onDone(next, 'coaching.added');
            }
          }}
        >
          <Field label={t('coaching.label')} required {...fieldState(submit.fields.text)}>
            <Textarea name="text" value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
          </Field>
          {submit.error && <ErrorBar plain error={submit.error} />}
          <div className={s.actions}>
            <Button type="submit" disabled={submit.busy}>
              {t('coaching.add')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

export function ReviewStatus({ path }: { path: Path }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!path.review) return <Body1 data-testid="review-status">{t('review.none')}</Body1>;
  const r = path.review;
  return (
    <Body1 data-testid="review-status">
      {t(`review.status.${r.status}`, { name: r.byName ?? '', date: i18n.date(r.at) })}
      {r.note ? ` “${r.note}”` : ''}
    </Body1>
  );
}

export function Review({ path, onDone }: { path: Path; onDone: Updated }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useListStyles();
  const submit = useSubmit();
  const hasCoach = path.shares.some((x) => x.coach);
  return (
    <Section title={t('review.title')} id="review">
      <ReviewStatus path={path} />
      {path.review?.status === 'ready' ? null : !path.assessment ? (
        <Caption1 className={s.muted}>{t('review.needAssessment')}</Caption1>
      ) : hasCoach ? (
        <div className={s.actions}>
          <Button
            appearance="primary"
            disabled={submit.busy || path.review?.status === 'requested'}
            onClick={async () => {
              const next = await submit.run(() => ({}), () => paths.requestReview(api));
              if (next) onDone(next, 'review.requested');
            }}
          >
            {t('review.request')}
          </Button>
        </div>
      ) : (
        <Caption1 className={s.muted}>{t('review.needCoach')}</Caption1>
      )}
      {submit.error && <ErrorBar plain error={submit.error} />}
    </Section>
  );
}


export function ReviewForm({ path, onDone }: { path: Path; onDone: Updated }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useListStyles();
  const [outcome, setOutcome] = useState<'ready' | 'not_yet' | ''>('');
  const [note, setNote] = useState('');
  const submit = useSubmit();
  return (
    <form
      className={s.form}
      aria-label={t('review.give')}
      noValidate
      onChange={submit.onEdit}
      onSubmit={async (e) => {
        e.preventDefault();
        const next = await submit.run(
          () => ({
            outcome: outcome ? undefined : t('v.pickOutcome'),
            note: outcome === 'not_yet' && note.trim().length < 3 ? t('review.noteRequired') : note.length > 1000 ? t('v.max', { max: 1000 }) : undefined,
          }),
          () => paths.reviewPath(api, path.id, outcome as 'ready' | 'not_yet', note.trim()),
        );
        if (next) onDone(next, outcome === 'ready' ? 'review.celebrated' : 'review.notYetSent');
      }}
    >
      <Field label={t('review.outcome')} required {...fieldState(submit.fields.outcome)}>
        <RadioGroup name="outcome" value={outcome} onChange={(_, d) => setOutcome(d.value as 'ready' | 'not_yet')}>
          <Radio value="ready" label={t('review.ready')} />
          <Radio value="not_yet" label={t('review.notYet')} />
        </RadioGroup>
      </Field>
      <Field label={t('review.note')} hint={t('review.noteHint')} {...fieldState(submit.fields.note)}>
        <Textarea name="note" value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
      </Field>
      {submit.error && <ErrorBar plain error={submit.error} />}
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={submit.busy}>
          {t('review.submit')}
        </Button>
      </div>
    </form>
  );
}

