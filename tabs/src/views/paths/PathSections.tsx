import { Button } from '@fluentui/react-button';
import { Checkbox } from '@fluentui/react-checkbox';
import { Field } from '@fluentui/react-field';
import { Input } from '@fluentui/react-input';
import { Radio, RadioGroup } from '@fluentui/react-radio';
import { Select } from '@fluentui/react-select';
import { Body1, Caption1 } from '@fluentui/react-text';
import { Textarea } from '@fluentui/react-textarea';
import { useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldState, lengthProblem, useSubmit } from '../../components/forms';
import { LabelBadge } from '../../components/LabelBadge';
import { Section } from '../../components/Layout';
import { useListStyles } from '../../components/listStyles';
import { useI18n, type MessageKey } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../useLoad';
import { getCircle } from '../circles/api';
import * as paths from './api';
import { ELEMENTS, LEVELS, type Element, type Level, type PathOptions, type PathView as Path } from './api';

/** What a section does with the path a change returned: show it, and say what changed. */
export type Updated = (next: Path, key: MessageKey) => void;

/** The sections only the owner of a path sees: its level, the self-assessment, goals and sharing. */
export function ChooseLevel({ path, onDone }: { path?: Path; onDone: Updated }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const [level, setLevel] = useState<Level | ''>(path?.level ?? '');
  const submit = useSubmit();
  return (
    <Section title={t('path.level')} id="level">
      <form
        className={s.form}
        aria-label={t('path.level')}
        noValidate
        onChange={submit.onEdit}
        onSubmit={async (e) => {
          e.preventDefault();
          const next = await submit.run(() => ({ level: level ? undefined : t('v.pickLevel') }), () => paths.setLevel(api, level as Level));
          if (next) onDone(next, path ? 'path.levelChanged' : 'path.started');
        }}
      >
        <Field label={t('path.levelLabel')} required {...fieldState(submit.fields.level)}>
          <RadioGroup name="level" value={level} onChange={(_, d) => setLevel(d.value as Level)}>
            {LEVELS.map((l) => (
              <Radio key={l} value={l} label={`${i18n.word(`level.${l}`)} — ${i18n.word(`level_about.${l}`)}`} />
            ))}
          </RadioGroup>
        </Field>
        {submit.error && <ErrorBar plain error={submit.error} />}
        <div className={s.actions}>
          <Button appearance="primary" type="submit" disabled={submit.busy || (!!path && level === path.level)}>
            {path ? t('path.changeLevel') : t('path.start')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

export function Assessment({ path, onDone }: { path: Path; onDone: Updated }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const [ratings, setRatings] = useState<Partial<Record<Element, number>>>(path.assessment?.ratings ?? {});
  const [note, setNote] = useState(path.assessment?.note ?? '');
  const submit = useSubmit();
  return (
    <Section title={t('assess.title')} id="assessment">
      <Body1 className={s.muted}>{t('assess.hint')}</Body1>
      {path.assessment && <Caption1 className={s.muted}>{t('assess.last', { date: i18n.date(path.assessment.at) })}</Caption1>}
      <form
        className={s.form}
        aria-label={t('assess.title')}
        noValidate
        onChange={submit.onEdit}
        onSubmit={async (e) => {
          e.preventDefault();
          const next = await submit.run(
            () => ({
              ...Object.fromEntries(ELEMENTS.map((el) => [`ratings.${el}`, ratings[el] ? undefined : t('v.pickRating')])),
              note: note.length > 1000 ? t('v.max', { max: 1000 }) : undefined,
            }),
            () => paths.assess(api, ratings as Record<Element, number>, note.trim()),
          );
          if (next) onDone(next, 'assess.saved');
        }}
      >
        {ELEMENTS.map((el) => (
          <Field key={el} label={i18n.word(`element.${el}`)} hint={i18n.word(`element_about.${el}`)} required {...fieldState(submit.fields[`ratings.${el}`])}>
            <RadioGroup name={`ratings.${el}`} layout="horizontal" value={ratings[el] ? String(ratings[el]) : ''} onChange={(_, d) => setRatings((r) => ({ ...r, [el]: Number(d.value) }))} data-element={el}>
              {[1, 2, 3, 4, 5].map((n) => (
                <Radio key={n} value={String(n)} label={String(n)} />
              ))}
            </RadioGroup>
          </Field>
        ))}
        <Caption1 className={s.muted}>{t('assess.scale')}</Caption1>
        <Field label={t('assess.note')} {...fieldState(submit.fields.note)}>
          <Textarea name="note" value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
        </Field>
        {submit.error && <ErrorBar plain error={submit.error} />}
        <div className={s.actions}>
          <Button appearance="primary" type="submit" disabled={submit.busy}>
            {t('assess.save')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

export function Goals({ path, options, onDone }: { path: Path; options: PathOptions; onDone: Updated }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useListStyles();
  const [text, setText] = useState('');
  const [link, setLink] = useState('');
  const submit = useSubmit();
  const change = useSubmit();
  const full = path.goals.length >= options.maxGoals;
  return (
    <Section title={t('goals.title', { count: path.goals.length, max: options.maxGoals })} id="goals">
      {path.goals.length === 0 ? (
        <Body1 className={s.muted}>{t('goals.none')}</Body1>
      ) : (
        <ul className={s.list} data-testid="goals">
          {path.goals.map((g) => (
            <li key={g.id} className={s.row}>
              <Checkbox
                checked={g.status === 'done'}
                label={g.text}
                disabled={change.busy}
                onChange={async (_, d) => {
                  const next = await change.run(() => ({}), () => paths.editGoal(api, g.id, { status: d.checked ? 'done' : 'open' }));
                  if (next) onDone(next, 'goals.updated');
                }}
              />
              {(g.pilotTitle || g.circleName) && <Caption1 className={s.muted}>{t('goals.linked', { name: g.pilotTitle ?? g.circleName ?? '' })}</Caption1>}
              <Button
                size="small"
                appearance="subtle"
                disabled={change.busy}
                aria-label={t('goals.removeNamed', { text: g.text })}
                onClick={async () => {
                  const next = await change.run(() => ({}), () => paths.removeGoal(api, g.id));
                  if (next) onDone(next, 'goals.removed');
                }}
              >
                {t('goals.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {change.error && <ErrorBar plain error={change.error} />}
      {full ? (
        <Caption1 className={s.muted}>{t('goals.full', { max: options.maxGoals })}</Caption1>
      ) : (
        <form
          className={s.form}
          aria-label={t('goals.add')}
          noValidate
          onChange={submit.onEdit}
          onSubmit={async (e) => {
            e.preventDefault();
            const [kind, ...rest] = link.split('|');
            const linkId = rest.join('|');
            const next = await submit.run(
              () => ({ text: lengthProblem(t, text, 3, 300) }),
              () => paths.addGoal(api, { text: text.trim(), ...(kind === 'pilot' ? { pilotId: linkId } : kind === 'circle' ? { circleId: linkId } : {}) }),
            );
            if (next) {
              setText('');
              setLink('');
              onDone(next, 'goals.added');
            }
          }}
        >
          <Field label={t('goals.text')} required {...fieldState(submit.fields.text)}>
            <Input name="text" value={text} onChange={(_, d) => setText(d.value)} maxLength={300} />
          </Field>
          <Field label={t('goals.link')} {...fieldState(submit.fields.pilotId ?? submit.fields.circleId)}>
            <Select value={link} onChange={(_, d) => setLink(d.value)}>
              <option value="">{t('goals.noLink')}</option>
              {options.pilots.length > 0 && (
                <optgroup label={t('goals.pilots')}>
                  {options.pilots.map((p) => (
                    <option key={p.id} value={`pilot|${p.id}`}>
                      {p.title}
                    </option>
                  ))}
                </optgroup>
              )}
              {options.circles.length > 0 && (
                <optgroup label={t('goals.circles')}>
                  {options.circles.map((c) => (
                    <option key={c.id} value={`circle|${c.id}`}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </Select>
          </Field>
          {submit.error && <ErrorBar plain error={submit.error} />}
          <div className={s.actions}>
            <Button type="submit" disabled={submit.busy}>
              {t('goals.add')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

export function Sharing({ path, options, onDone }: { path: Path; options: PathOptions; onDone: Updated }) {
  const { api, me } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  // Peers: the people in my circles.
  const peers = useLoad(
    async (signal) => {
      const circles = await Promise.all(options.circles.map((c) => getCircle(api, c.id, signal).catch(() => undefined)));
      const seen = new Map<string, string>();
      for (const c of circles) for (const m of c?.members ?? []) if (m.id !== me.user.id && m.name) seen.set(m.id, m.name);
      return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
    },
    [api, options.circles.map((c) => c.id).join(',')],
  );
  const managerIds = new Set(options.managers.map((m) => m.id));
  const sharedIds = new Set(path.shares.map((x) => x.userId));
  const candidates = [
    ...options.managers.map((m) => ({ ...m, relation: 'manager' as const })),
    ...(peers.data ?? []).filter((p) => !managerIds.has(p.id)).map((p) => ({ ...p, relation: 'peer' as const })),
  ].filter((c) => !sharedIds.has(c.id));
  const [who, setWho] = useState('');
  const [coach, setCoach] = useState(true);
  const chosen = candidates.find((c) => c.id === who) ?? candidates[0];
  const submit = useSubmit();
  const remove = useSubmit();
  return (
    <Section title={t('share.title')} id="sharing">
      <Body1 className={s.muted}>{t('share.hint')}</Body1>
      {path.shares.length === 0 ? (
        <Body1 data-testid="shares-none">{t('share.none')}</Body1>
      ) : (
        <ul className={s.list} data-testid="shares">
          {path.shares.map((sh) => (
            <li key={sh.userId} className={s.row}>
              <span>{sh.name}</span>
              <LabelBadge label={t(`share.relation.${sh.relation}`)} color="informative" />
              {sh.coach && <LabelBadge label={t('share.coach')} color="brand" />}
              <Button
                size="small"
                appearance="subtle"
                disabled={remove.busy}
                aria-label={t('share.removeNamed', { name: sh.name })}
                onClick={async () => {
                  const next = await remove.run(() => ({}), () => paths.unsharePath(api, sh.userId));
                  if (next) onDone(next, 'share.removed');
                }}
              >
                {t('share.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {remove.error && <ErrorBar plain error={remove.error} />}
      {candidates.length > 0 && chosen && (
        <form
          className={s.inline}
          aria-label={t('share.add')}
          noValidate
          onChange={submit.onEdit}
          onSubmit={async (e) => {
            e.preventDefault();
            const next = await submit.run(() => ({}), () => paths.sharePath(api, { userId: chosen.id, relation: chosen.relation, coach }));
            if (next) onDone(next, 'share.added');
          }}
        >
          <Field label={t('share.who')} {...fieldState(submit.fields.userId)}>
            <Select value={chosen.id} onChange={(_, d) => setWho(d.value)}>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {`${c.name} (${t(`share.relation.${c.relation}`)})`}
                </option>
              ))}
            </Select>
          </Field>
          <Checkbox checked={coach} onChange={(_, d) => setCoach(!!d.checked)} label={t('share.asCoach')} />
          <Button type="submit" disabled={submit.busy}>
            {t('share.add')}
          </Button>
        </form>
      )}
      {submit.error && <ErrorBar plain error={submit.error} />}
    </Section>
  );
}

