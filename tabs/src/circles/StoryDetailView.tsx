import { ToggleButton } from '@fluentui/react-button';
import { Button } from '@fluentui/react-button';
import { Field } from '@fluentui/react-field';
import { Link } from '@fluentui/react-link';
import { Body1, Caption1 } from '@fluentui/react-text';
import { Textarea } from '@fluentui/react-textarea';
import { useState } from 'react';
import type { ApiError } from '../api/client';
import { Page, PageHeader, Section } from '../components/Layout';
import { useSession } from '../session';
import { toApiError, useLoad } from '../useLoad';
import { REACTION_KINDS, askAuthor, getStory, react, type ReactionKind, type StoryView } from './api';
import { BackLink, NotLoaded, Notice, Problem, StatusBadge, outcomeColor, fieldState, lengthProblem, useCirclesI18n, useListStyles, useSubmit } from './parts';
import { circlesHref } from './routes';

/** One practice story: what was tried, what happened, what they would change; reactions and a question to the author. */
export default function StoryDetailView({ id }: { id: string }) {
  const { api } = useSession();
  const i18n = useCirclesI18n();
  const { ct } = i18n;
  const s = useListStyles();
  const loaded = useLoad((signal) => getStory(api, id, signal), [api, id]);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState<ReactionKind | undefined>();
  const back = <BackLink href={circlesHref({ name: 'stories', query: {} })} label={ct('story.back')} />;
  if (!loaded.data) return <NotLoaded back={back} loaded={loaded} />;
  const story = loaded.data;
  const toggle = async (kind: ReactionKind) => {
    setBusy(kind);
    setError(undefined);
    try {
      loaded.set(await react(api, story.id, kind, !story.reactions[kind]?.mine));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Page>
      {back}
      <PageHeader
        title={story.pilotTitle}
        badges={
          <div className={s.row}>
            <StatusBadge label={ct(`outcome.${story.outcome}`)} color={outcomeColor(story.outcome)} testId="story-outcome" />
          </div>
        }
        subtitle={ct('story.byline', { practice: story.practiceName, author: story.author.name, team: story.teamName })}
      />
      <Section title={ct('story.story')} id="story">
        <dl className={s.definitions}>
          <dt className={s.term}>{ct('publish.tried')}</dt>
          <dd className={s.definition}>
            <Body1 className={s.text} data-testid="tried">
              {story.tried}
            </Body1>
          </dd>
          <dt className={s.term}>{ct('publish.happened')}</dt>
          <dd className={s.definition}>
            <Body1 className={s.text}>{story.happened}</Body1>
          </dd>
          <dt className={s.term}>{ct('publish.change')}</dt>
          <dd className={s.definition}>
            <Body1 className={s.text}>{story.change}</Body1>
          </dd>
          <dt className={s.term}>{ct('story.published')}</dt>
          <dd className={s.definition}>{i18n.day(story.publishedAt)}</dd>
        </dl>
        <div role="group" aria-label={ct('story.reactions')} className={s.actions} data-testid="reactions">
          {REACTION_KINDS.map((k) => (
            <ToggleButton key={k} checked={!!story.reactions[k]?.mine} disabled={busy === k} onClick={() => toggle(k)}>
              {`${ct(`reaction.${k}`)} · ${story.reactions[k]?.count ?? 0}`}
            </ToggleButton>
          ))}
        </div>
        {error && <Problem error={error} />}
      </Section>
      {story.builtOn.length > 0 && (
        <Section title={ct('story.builtOn')} id="built-on">
          <ul className={s.list}>
            {story.builtOn.map((b) => (
              <li key={b.pilotId}>{ct('story.builtOnEntry', { title: b.title, team: b.teamName, manager: b.managerName, date: i18n.day(b.at) })}</li>
            ))}
          </ul>
        </Section>
      )}
      {story.canAsk && <AskAuthor story={story} />}
      {story.canEdit && (
        <Caption1 className={s.muted}>
          {ct('story.yours')} <Link href={circlesHref({ name: 'stories', query: {} })}>{ct('story.editLink')}</Link>
        </Caption1>
      )}
    </Page>
  );
}

function AskAuthor({ story }: { story: StoryView }) {
  const { api } = useSession();
  const { ct } = useCirclesI18n();
  const s = useListStyles();
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const submit = useSubmit();
  return (
    <Section title={ct('ask.title', { name: story.author.name })} id="ask">
      {sent && <Notice>{ct('ask.sent', { name: story.author.name })}</Notice>}
      <form
        className={s.form}
        aria-label={ct('ask.title', { name: story.author.name })}
        noValidate
        onChange={submit.onEdit}
        onSubmit={async (e) => {
          e.preventDefault();
          setSent(false);
          const ok = await submit.run(() => ({ text: lengthProblem(ct, text, 3, 1000) }), () => askAuthor(api, story.id, text.trim()));
          if (ok) {
            setSent(true);
            setText('');
          }
        }}
      >
        <Field label={ct('ask.label')} hint={ct('ask.hint')} required {...fieldState(submit.fields.text)}>
          <Textarea name="text" value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
        </Field>
        {submit.error && <Problem error={submit.error} />}
        <div className={s.actions}>
          <Button appearance="primary" type="submit" disabled={submit.busy}>
            {ct('ask.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
