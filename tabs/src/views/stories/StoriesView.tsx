import { Button } from '@fluentui/react-button';
import { Checkbox } from '@fluentui/react-checkbox';
import { Field } from '@fluentui/react-field';
import { Link } from '@fluentui/react-link';
import { SearchBox } from '@fluentui/react-search';
import { Select } from '@fluentui/react-select';
import { Body1, Caption1, Subtitle2 } from '@fluentui/react-text';
import { Textarea } from '@fluentui/react-textarea';
import { useEffect, useState } from 'react';
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
import { listPractices } from '../pilots/api';
import { REACTION_KINDS, STORY_OUTCOMES, publishStory, publishable, searchStories, type Publishable, type StoryView } from './api';
import { outcomeColor } from './parts';

/**
 * The organisation's library of practice stories: search, filter by outcome and practice; a
 * manager with a closed pilot publishes what it taught them (to the library and their circles).
 */
export default function StoriesView({ query }: { query: Record<string, string> }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const [text, setText] = useState(query.q ?? '');
  useEffect(() => setText(query.q ?? ''), [query.q]);
  const setQuery = (patch: Record<string, string | undefined>) => {
    const next = { ...query, ...patch };
    for (const k of Object.keys(next)) if (!next[k]) delete next[k];
    navigate({ name: 'stories', query: next as Record<string, string> });
  };
  const found = useLoad((signal) => searchStories(api, { q: query.q, outcome: query.outcome, practiceId: query.practiceId, circleId: query.circleId, mine: query.mine === 'true' }, signal), [api, query.q, query.outcome, query.practiceId, query.circleId, query.mine]);
  const practices = useLoad((signal) => listPractices(api, signal), [api]);
  const options = useLoad((signal) => publishable(api, signal), [api]);

  return (
    <Page>
      <PageHeader title={t('stories.title')} subtitle={t('stories.subtitle')} />
      {options.data && options.data.pilots.length > 0 && <PublishStory options={options.data} />}
      <Section title={t('stories.library')} id="library">
        <form
          role="search"
          aria-label={t('stories.search')}
          className={s.inline}
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ q: text.trim() });
          }}
        >
          <Field label={t('stories.searchLabel')}>
            <SearchBox value={text} onChange={(_, d) => setText(d.value)} maxLength={100} />
          </Field>
          <Button type="submit">{t('stories.searchButton')}</Button>
          <Field label={t('stories.outcome')}>
            <Select value={query.outcome ?? ''} onChange={(_, d) => setQuery({ outcome: d.value })}>
              <option value="">{t('stories.any')}</option>
              {STORY_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`story.outcome.${o}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('stories.practice')}>
            <Select value={query.practiceId ?? ''} onChange={(_, d) => setQuery({ practiceId: d.value })}>
              <option value="">{t('stories.any')}</option>
              {(practices.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
        </form>
        {found.loading && !found.data && <Loading />}
        {found.error && <ErrorBar plain error={found.error} onRetry={found.reload} />}
        {found.data && (
          <>
            <Caption1 aria-live="polite" className={s.muted}>
              {t(found.data.length === 1 ? 'stories.found.one' : 'stories.found.other', { count: found.data.length })}
            </Caption1>
            {found.data.length === 0 ? (
              <Body1>{t('stories.none')}</Body1>
            ) : (
              <ul className={s.list} data-testid="stories">
                {found.data.map((story) => (
                  <StoryCard key={story.id} story={story} />
                ))}
              </ul>
            )}
          </>
        )}
      </Section>
    </Page>
  );
}

function StoryCard({ story }: { story: StoryView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  return (
    <li className={s.item} data-story-id={story.id}>
      <Subtitle2 as="h3" style={{ margin: 0 }}>
        <Link href={hrefFor({ name: 'story', id: story.id })}>{story.pilotTitle}</Link>
      </Subtitle2>
      <div className={s.row}>
        <LabelBadge label={t(`story.outcome.${story.outcome}`)} color={outcomeColor(story.outcome)} />
        <span className={s.muted}>{t('story.byline', { practice: story.practiceName, author: story.author.name, team: story.teamName })}</span>
      </div>
      <Body1 className={s.text}>{story.tried.length > 220 ? `${story.tried.slice(0, 220)}…` : story.tried}</Body1>
      <Caption1 className={s.muted}>{REACTION_KINDS.map((k) => `${t(`reaction.${k}`)} ${story.reactions[k]?.count ?? 0}`).join(' · ')}</Caption1>
    </li>
  );
}

function PublishStory({ options }: { options: Publishable }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useListStyles();
  const [open, setOpen] = useState(false);
  const [pilotId, setPilotId] = useState(options.pilots.find((p) => !p.storyId)?.pilotId ?? options.pilots[0].pilotId);
  const [tried, setTried] = useState('');
  const [happened, setHappened] = useState('');
  const [change, setChange] = useState('');
  const [circleIds, setCircleIds] = useState<string[]>([]);
  const submit = useSubmit();
  const pilot = options.pilots.find((p) => p.pilotId === pilotId);

  return (
    <Section title={t('publish.title')} id="publish">
      <Body1 className={s.muted}>{t('publish.hint')}</Body1>
      {!open ? (
        <div className={s.actions}>
          <Button appearance="primary" onClick={() => setOpen(true)}>
            {t('publish.open')}
          </Button>
        </div>
      ) : (
        <form
          className={s.form}
          aria-label={t('publish.title')}
          noValidate
          onChange={submit.onEdit}
          onSubmit={async (e) => {
            e.preventDefault();
            const story = await submit.run(
              () => ({ tried: lengthProblem(t, tried, 10, 2000), happened: lengthProblem(t, happened, 10, 2000), change: lengthProblem(t, change, 3, 2000) }),
              () => publishStory(api, { pilotId, tried: tried.trim(), happened: happened.trim(), change: change.trim(), circleIds }),
            );
            if (story) navigate({ name: 'story', id: story.id });
          }}
        >
          <Field label={t('publish.pilot')} required {...fieldState(submit.fields.pilotId)} hint={pilot?.learning ? t('publish.learning', { learning: pilot.learning }) : undefined}>
            <Select name="pilotId" value={pilotId} onChange={(_, d) => setPilotId(d.value)}>
              {options.pilots.map((p) => (
                <option key={p.pilotId} value={p.pilotId}>
                  {`${p.title} (${t(`story.outcome.${p.outcome}`)})${p.storyId ? ` · ${t('publish.already')}` : ''}`}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('publish.tried')} required {...fieldState(submit.fields.tried)}>
            <Textarea name="tried" value={tried} onChange={(_, d) => setTried(d.value)} resize="vertical" />
          </Field>
          <Field label={t('publish.happened')} required {...fieldState(submit.fields.happened)}>
            <Textarea name="happened" value={happened} onChange={(_, d) => setHappened(d.value)} resize="vertical" />
          </Field>
          <Field label={t('publish.change')} required {...fieldState(submit.fields.change)}>
            <Textarea name="change" value={change} onChange={(_, d) => setChange(d.value)} resize="vertical" />
          </Field>
          {options.circles.length > 0 && (
            <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
              <legend>{t('publish.circles')}</legend>
              {options.circles.map((c) => (
                <Checkbox
                  key={c.id}
                  label={c.name}
                  checked={circleIds.includes(c.id)}
                  onChange={(_, d) => setCircleIds((ids) => (d.checked ? [...ids, c.id] : ids.filter((x) => x !== c.id)))}
                />
              ))}
            </fieldset>
          )}
          {submit.error && <ErrorBar plain error={submit.error} />}
          <div className={s.actions}>
            <Button appearance="primary" type="submit" disabled={submit.busy}>
              {t('publish.submit')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('app.cancel')}</Button>
          </div>
        </form>
      )}
    </Section>
  );
}
