import type { MessagingExtensionQuery, MessagingExtensionResponse } from 'botbuilder';
import type { Domain } from '../../domain';
import type { Caller } from '../../domain/shared/caller';
import { DomainError } from '../../domain/shared/errors';
import { parseInput } from '../../domain/shared/validation';
import { REACTION_KINDS, storyInputSchema, storyQuestionSchema, type ReactionKind } from '../../domain/stories';
import { str } from '../app/data';
import { NO_BUTTON, refusalText } from '../app/errors';
import { entityLink, type LinkConfig } from '../app/links';
import { ME_COMMANDS, searchOf } from '../app/message-extension';
import { extensionResults } from '../app/responses';
import type { BotDeps, Router, VerbHandler } from '../app/router';
import { renderCard, textCard } from '../cards';
import { t, type Locale } from '../i18n';
import { storyAttachments, storyCard, storyData, storyFormCard, storySubtitle } from './cards';

/**
 * Practice stories in Teams: "stories <words>" and "share story" (1:1 only) in chat, the story
 * card's verbs (react, ask the author, publish from the form), and the "find practice stories"
 * search.
 */
export const STORY_SEARCH_COMMAND = ME_COMMANDS.stories;

export function registerStoryRoutes(router: Router, { domain, links }: BotDeps): void {
  router
    .command(/^(?:find |search )?stor(?:y|ies)(?:\s+(.+))?$/i, async (turn, m) => {
      const { locale } = turn;
      const words = (m[1] ?? '').trim();
      const found = await domain.stories.search(turn.caller, { q: words, limit: 10 });
      await turn.show(
        renderCard(
          'pilotList',
          {
            heading: words ? t(locale, 'Practice stories about “{words}”', { words: words.slice(0, 60) }) : t(locale, 'Latest practice stories'),
            empty: t(locale, 'No stories found yet. Managers publish them when a pilot closes.'),
            pilots: found.map((s) => ({ title: s.pilotTitle, subtitle: storySubtitle(s, locale), url: entityLink(links, s.id) })),
          },
          [],
          locale,
        ),
      );
    })
    .command(
      /^(?:share|publish) (?:a |my )?story$/i,
      async (turn) => {
        const { locale } = turn;
        const card = await storyFormCard(domain, turn.caller, locale);
        await turn.show(card ?? textCard(locale, '', t(locale, 'You have no closed pilots yet. When a pilot closes, come back to share what you learned.')));
      },
      { personalOnly: true, elsewhere: 'Let’s do this in our 1:1 chat: message me “share story” there.' },
    );

  router
    .verb('story.react', react(domain, links))
    .verb('story.ask', ask(domain, links))
    .verb('story.publish', publish(domain, links))
    .extension(STORY_SEARCH_COMMAND, { query: (turn, query) => storySearch(domain, links, turn.caller, query, turn.locale) });
}

/** The search command STORY_SEARCH_COMMAND: stories matching the typed words, newest first. */
export async function storySearch(domain: Domain, links: LinkConfig, caller: Caller, query: MessagingExtensionQuery, locale: Locale = 'en'): Promise<MessagingExtensionResponse> {
  const { text, skip, count } = searchOf(query);
  const items = await storyAttachments(domain, links, caller, text, skip + count, locale);
  return extensionResults(items.slice(skip, skip + count));
}

/** story.react: toggles the caller's reaction; the author hears of it. */
function react(domain: Domain, links: LinkConfig): VerbHandler {
  return async ({ locale, caller }, data) => {
    const kind = str(data.kind, 20) as ReactionKind;
    if (!REACTION_KINDS.includes(kind)) return textCard(locale, '', t(locale, NO_BUTTON));
    const current = await domain.stories.get(caller, str(data.storyId, 200));
    const on = !current.reactions[kind]?.includes(caller.userId);
    const story = await domain.stories.react(caller, current.id, kind, on);
    return storyCard(links, storyData(story), locale, { status: on ? t(locale, 'Thanks for letting {name} know.', { name: story.authorName }) : '', canAsk: story.authorId !== caller.userId });
  };
}

/** story.ask: a question to the author, with the asker's name; problems come back on the card. */
function ask(domain: Domain, links: LinkConfig): VerbHandler {
  return async ({ locale, caller }, data) => {
    const story = await domain.stories.get(caller, str(data.storyId, 200));
    const canAsk = story.authorId !== caller.userId;
    let text: string;
    try {
      text = parseInput(storyQuestionSchema, { text: str(data.question, 1100) }).text;
    } catch {
      return storyCard(links, storyData(story), locale, { problem: t(locale, 'Write a question of 3 to 1000 characters.'), canAsk });
    }
    try {
      const { sent } = await domain.stories.ask(caller, story.id, text, str(data.requestId, 200) || undefined);
      return storyCard(links, storyData(story), locale, { status: sent ? t(locale, 'Your question is on its way to {name}, with your name.', { name: story.authorName }) : t(locale, 'You already sent that question.'), canAsk });
    } catch (err) {
      // Said as the domain put it ("this is your own story…"), not field by field.
      if (err instanceof DomainError && err.kind === 'validation') return storyCard(links, storyData(story), locale, { problem: refusalText(err, locale), canAsk });
      throw err;
    }
  };
}

/** story.publish: from the "share story" form; problems come back on the form. */
function publish(domain: Domain, links: LinkConfig): VerbHandler {
  return async ({ locale, caller }, data) => {
    const values = { pilotId: str(data.pilotId, 200), tried: str(data.tried), happened: str(data.happened), change: str(data.change), circleIds: str(data.circleIds, 2000) };
    try {
      const input = parseInput(storyInputSchema, { ...values, circleIds: values.circleIds ? values.circleIds.split(',').map((c) => c.trim()).filter(Boolean) : [] });
      const { story } = await domain.stories.publish(caller, input);
      return storyCard(links, storyData(story), locale, { status: t(locale, 'Published to the practice library. Thank you for sharing what you learned!'), canAsk: false });
    } catch (err) {
      if (!(err instanceof DomainError) || err.kind === 'unavailable') throw err;
      const form = await storyFormCard(domain, caller, locale, { values, problem: refusalText(err, locale), requestId: str(data.requestId, 200) || undefined });
      return form ?? textCard(locale, '', refusalText(err, locale));
    }
  };
}
