import { Button } from '@fluentui/react-button';
import { Field } from '@fluentui/react-field';
import { Link } from '@fluentui/react-link';
import { Body1, Caption1 } from '@fluentui/react-text';
import { tokens } from '@fluentui/react-theme';
import { Textarea } from '@fluentui/react-textarea';
import { makeStyles, mergeClasses } from '@griffel/react';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldState, lengthProblem, useSubmit } from '../../components/forms';
import { LabelBadge } from '../../components/LabelBadge';
import { Page, PageHeader, Section } from '../../components/Layout';
import { useListStyles } from '../../components/listStyles';
import { NotLoaded } from '../../components/NotLoaded';
import { SuccessBar } from '../../components/SuccessBar';
import { useI18n } from '../../i18n';
import { hrefFor } from '../../router';
import { useSession } from '../../session';
import { toApiError, useLoad } from '../../useLoad';
import { REACTION_KINDS, askAuthor, getStory, react, type ReactionKind, type StoryView } from './api';
import { outcomeColor } from './parts';

/**
 * A pressed reaction looks like Fluent's checked ToggleButton (these are its styles). Not the
 * ToggleButton itself: esbuild splits chunks by file, and a component a lazy view takes from
 * @fluentui/react-button lands in the chunk the whole app shares with it (18 KB of styles in
 * everyone's first download, for a few reaction buttons). Griffel's `shorthands` would do the same
 * (its runtime module too).
 */
const borderColor = (c: string) => ({ borderTopColor: c, borderRightColor: c, borderBottomColor: c, borderLeftColor: c });
const usePressedStyles = makeStyles({
  on: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ...borderColor(tokens.colorNeutralStroke1),
    color: tokens.colorNeutralForeground1Selected,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, ...borderColor(tokens.colorNeutralStroke1Hover), color: tokens.colorNeutralForeground1Hover },
    ':hover:active': { backgroundColor: tokens.colorNeutralBackground1Pressed, ...borderColor(tokens.colorNeutralStroke1Pressed), color: tokens.colorNeutralForeground1Pressed },
    '@media (forced-colors: active)': {
      backgroundColor: 'Highlight',
      ...borderColor('Highlight'),
      color: 'HighlightText',
      forcedColorAdjust: 'none',
      ':hover': { backgroundColor: 'HighlightText', ...borderColor('Highlight'), color: 'Highlight' },
      ':hover:active': { backgroundColor: 'HighlightText', ...borderColor('Highlight'), color: 'Highlight' },
    },
  },
});

/** One practice story: what was tried, what happened, what they would change; reactions and a question to the author. */
export default function StoryDetailView({ id }: { id: string }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const pressed = usePressedStyles();
  const loaded = useLoad((signal) => getStory(api, id, signal), [api, id]);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState<ReactionKind | undefined>();
  const back = <BackLink href={hrefFor({ name: 'stories', query: {} })} label={t('story.back')} />;
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
            <LabelBadge label={t(`story.outcome.${story.outcome}`)} color={outcomeColor(story.outcome)} testId="story-outcome" />
          </div>
        }
        subtitle={t('story.byline', { practice: story.practiceName, author: story.author.name, team: story.teamName })}
      />
      <Section title={t('story.story')} id="story">
        <dl className={s.definitions}>
          <dt className={s.term}>{t('publish.tried')}</dt>
          <dd className={s.definition}>
            <Body1 className={s.text} data-testid="tried">
              {story.tried}
            </Body1>
          </dd>
          <dt className={s.term}>{t('publish.happened')}</dt>
          <dd className={s.definition}>
            <Body1 className={s.text}>{story.happened}</Body1>
          </dd>
          <dt className={s.term}>{t('publish.change')}</dt>
          <dd className={s.definition}>
            <Body1 className={s.text}>{story.change}</Body1>
          </dd>
          <dt className={s.term}>{t('story.published')}</dt>
          <dd className={s.definition}>{i18n.date(story.publishedAt)}</dd>
        </dl>
        <div role="group" aria-label={t('story.reactions')} className={s.actions} data-testid="reactions">
          {REACTION_KINDS.map((k) => (
            <Button key={k} aria-pressed={!!story.reactions[k]?.mine} className={mergeClasses(story.reactions[k]?.mine && pressed.on)} disabled={busy === k} onClick={() => toggle(k)}>
              {`${t(`reaction.${k}`)} · ${story.reactions[k]?.count ?? 0}`}
            </Button>
          ))}
        </div>
        {error && <ErrorBar plain error={error} />}
      </Section>
      {story.builtOn.length > 0 && (
        <Section title={t('story.builtOn')} id="built-on">
          <ul className={s.list}>
            {story.builtOn.map((b) => (
              <li key={b.pilotId}>{t('story.builtOnEntry', { title: b.title, team: b.teamName, manager: b.managerName, date: i18n.date(b.at) })}</li>
            ))}
          </ul>
        </Section>
      )}
      {story.canAsk && <AskAuthor story={story} />}
      {story.canEdit && (
        <Caption1 className={s.muted}>
          {t('story.yours')} <Link href={hrefFor({ name: 'stories', query: {} })}>{t('story.editLink')}</Link>
        </Caption1>
      )}
    </Page>
  );
}

function AskAuthor({ story }: { story: StoryView }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useListStyles();
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const submit = useSubmit();
  return (
    <Section title={t('ask.title', { name: story.author.name })} id="ask">
      {sent && <SuccessBar>{t('ask.sent', { name: story.author.name })}</SuccessBar>}
      <form
        className={s.form}
        aria-label={t('ask.title', { name: story.author.name })}
        noValidate
        onChange={submit.onEdit}
        onSubmit={async (e) => {
          e.preventDefault();
          setSent(false);
          const ok = await submit.run(() => ({ text: lengthProblem(t, text, 3, 1000) }), () => askAuthor(api, story.id, text.trim()));
          if (ok) {
            setSent(true);
            setText('');
          }
        }}
      >
        <Field label={t('ask.label')} hint={t('ask.hint')} required {...fieldState(submit.fields.text)}>
          <Textarea name="text" value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
        </Field>
        {submit.error && <ErrorBar plain error={submit.error} />}
        <div className={s.actions}>
          <Button appearance="primary" type="submit" disabled={submit.busy}>
            {t('ask.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
