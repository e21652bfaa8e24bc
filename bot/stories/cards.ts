import { randomUUID } from 'node:crypto';
import type { MessagingExtensionAttachment } from 'botbuilder';
import type { Domain } from '../../domain';
import type { Outcome } from '../../domain/pilots';
import type { Caller } from '../../domain/shared/caller';
import { REACTION_KINDS, type ReactionKind, type Story } from '../../domain/stories';
import { str } from '../app/data';
import { entityLink, type LinkConfig } from '../app/links';
import type { NotificationCards } from '../app/notifications';
import { renderCard, type CardAttachment } from '../cards';
import { t, type Locale } from '../i18n';
import { updateCard } from '../circles/cards';
import { preview } from '../app/message-extension';

/**
 * Practice stories' cards: the story (react, ask its author), the "share story" form, search
 * results, and the cards of the outbox kinds `story_shared` (to a circle) and `story_question`
 * (to the author).
 */
const REACTION_LABEL: Record<ReactionKind, string> = { helpful: '👍 Helpful', inspiring: '💡 Inspiring', will_try: '🧪 I’ll try it' };
export const OUTCOME_LABEL: Record<Outcome, string> = { adopted: 'Adopted', adapted: 'Adapted', stopped: 'Stopped' };

interface StoryCardData {
  id: string;
  pilotTitle: string;
  practiceName: string;
  teamName: string;
  outcome: Outcome;
  authorName: string;
  tried: string;
  happened: string;
  change: string;
  reactions?: Story['reactions'];
  builtOn?: number;
}

export function storyCard(links: LinkConfig, s: StoryCardData, locale: Locale, opts: { intro?: string; status?: string; problem?: string; canAsk?: boolean } = {}): CardAttachment {
  const footer = [
    t(locale, 'Story by {name}', { name: s.authorName }),
    ...(s.builtOn ? [t(locale, s.builtOn === 1 ? '1 pilot builds on it' : '{n} pilots build on it', { n: s.builtOn })] : []),
  ].join(' · ');
  return renderCard(
    'storyCard',
    {
      storyId: s.id,
      intro: opts.intro ?? '',
      pilotTitle: s.pilotTitle,
      subtitle: `${t(locale, OUTCOME_LABEL[s.outcome])} · ${s.practiceName} · ${s.teamName}`,
      tried: s.tried,
      happened: s.happened,
      change: s.change,
      footer,
      status: opts.status ?? '',
      problem: opts.problem ?? '',
      canAsk: opts.canAsk ?? true,
      askLabel: t(locale, 'Ask {name} a question', { name: s.authorName }),
      requestId: randomUUID(),
      reactionButtons: REACTION_KINDS.map((kind) => {
        const n = s.reactions?.[kind]?.length ?? 0;
        return { kind, title: `${t(locale, REACTION_LABEL[kind])}${n ? ` (${n})` : ''}` };
      }),
      url: entityLink(links, s.id),
    },
    ['reactionButtons'],
    locale,
  );
}

export const storyData = (s: Story): StoryCardData => ({ ...s, builtOn: s.builtOn.length });

/** The "share story" form: the caller's closed pilots and circles, or undefined with none to share. */
export async function storyFormCard(domain: Domain, caller: Caller, locale: Locale, opts: { values?: Record<string, string>; problem?: string; requestId?: string } = {}): Promise<CardAttachment | undefined> {
  const [pilots, circles] = await Promise.all([domain.stories.publishable(caller), domain.circles.list(caller, 'mine')]);
  if (!pilots.length) return undefined;
  const first = pilots.find((p) => !p.storyId) ?? pilots[0];
  const values = opts.values ?? { pilotId: first.pilotId, tried: first.hypothesis, happened: first.learning ?? '', change: '', circleIds: '' };
  return renderCard(
    'storyForm',
    {
      problem: opts.problem ?? '',
      requestId: opts.requestId ?? randomUUID(),
      values,
      pilots: pilots.map((p) => ({ name: `${p.title} (${t(locale, OUTCOME_LABEL[p.outcome])})${p.storyId ? ` — ${t(locale, 'published')}` : ''}`, value: p.pilotId })),
      circles: circles.map((c) => ({ name: c.name, value: c.id })),
    },
    ['pilots', 'circles'],
    locale,
  );
}

/** A story's line in a list: its outcome, practice and author. */
export const storySubtitle = (s: Pick<Story, 'outcome' | 'practiceName' | 'authorName'>, locale: Locale) => `${t(locale, OUTCOME_LABEL[s.outcome])} · ${s.practiceName} · ${s.authorName}`;

/** Story results as message-extension attachments, each with its (escaped) preview. */
export async function storyAttachments(domain: Domain, links: LinkConfig, caller: Caller, text: string, limit: number, locale: Locale = 'en'): Promise<MessagingExtensionAttachment[]> {
  const found = await domain.stories.search(caller, { q: text.slice(0, 100), limit });
  return found.map((s) => ({
    ...storyCard(links, storyData(s), locale, { canAsk: true }),
    preview: preview(s.pilotTitle, storySubtitle(s, locale)),
  }));
}

/** `story_shared`: a member shared a story with the circle. */
function storySharedCard(links: LinkConfig, data: Record<string, unknown>, locale: Locale): CardAttachment {
  return storyCard(
    links,
    {
      id: str(data.storyId, 200),
      pilotTitle: str(data.pilotTitle),
      practiceName: str(data.practiceName),
      teamName: str(data.teamName),
      outcome: (OUTCOME_LABEL[data.outcome as Outcome] ? data.outcome : 'adapted') as Outcome,
      authorName: str(data.authorName),
      tried: str(data.tried),
      happened: str(data.happened),
      change: str(data.change),
    },
    locale,
    { intro: t(locale, '{name} shared a practice story with the circle', { name: str(data.authorName) }) },
  );
}

/** `story_question`: someone asked the author about their story (with a link to chat back). */
function storyQuestionCard(links: LinkConfig, data: Record<string, unknown>, locale: Locale): CardAttachment {
  const email = str(data.askerEmail, 200);
  const asker = str(data.askerName);
  return updateCard(
    {
      heading: t(locale, '{name} asked about your story', { name: asker }),
      label: str(data.pilotTitle),
      quote: str(data.question),
      chatTitle: email ? t(locale, 'Reply to {name} in chat', { name: asker }) : '',
      chatUrl: email ? `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(email)}` : '',
      url: entityLink(links, str(data.storyId, 200)),
    },
    locale,
  );
}

/** The outbox kinds stories queue. */
export const STORY_CARDS: NotificationCards = {
  story_shared: (data, links, locale) => storySharedCard(links, data, locale),
  story_question: (data, links, locale) => storyQuestionCard(links, data, locale),
};
