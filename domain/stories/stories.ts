import { createHash } from 'node:crypto';
import type { Store } from '../ports/store';
import type { Circles } from '../circles/circles';
import type { Clock } from '../shared/clock';
import type { Directory } from '../directory/directory';
import { conflict, forbidden, invalid, notFound, problem } from '../shared/errors';
import { OUTCOMES, type Outcome, type Pilot } from '../pilots/model';
import { REACTION_KINDS, type ReactionKind, type Story } from './model';
import { type Caller } from '../shared/caller';
import type { Outbox } from '../outbox/outbox';
import type { Pilots } from '../pilots/pilots';
import { type StoryInput, type StorySearch } from './schemas';
import { StoryRepository, searchTextOf, storyIdFor } from './repository';
import { NO_LIMITS, spendNotify, type RateLimits } from '../shared/rate-limits';

/**
 * Practice stories: when a pilot closes, its manager tells what was tried, what happened and what
 * they would change. Stories are the tenant's shared library (everyone in the organisation can
 * read and search them), can be shared to the circles the author belongs to, collect reactions
 * (one per person per kind), questions to the author (sent to their 1:1 chat, named), and links
 * from new pilots that build on them.
 */
const KEEP_BUILT_ON = 50;

/** A story as the tab and cards show it: the document without its search text and raw reactions. */
export type StoryView = Pick<
  Story,
  'id' | 'pilotId' | 'pilotTitle' | 'practiceId' | 'practiceName' | 'teamName' | 'outcome' | 'tried' | 'happened' | 'change' | 'circleIds' | 'questionsAsked' | 'basedOnStoryId' | 'builtOn' | 'publishedAt' | 'updatedAt'
> & {
  author: { id: string; name: string };
  reactions: Record<ReactionKind, { count: number; mine: boolean }>;
  canEdit: boolean;
  canAsk: boolean;
};

export interface PublishableView {
  pilotId: string;
  title: string;
  outcome: Outcome;
  hypothesis: string;
  learning?: string;
  storyId?: string;
}

const emptyReactions = (): Record<ReactionKind, string[]> => Object.fromEntries(REACTION_KINDS.map((k) => [k, []])) as unknown as Record<ReactionKind, string[]>;

export class Stories {
  private readonly stories: StoryRepository;

  constructor(
    store: Store,
    private readonly directory: Directory,
    private readonly pilots: Pilots,
    private readonly circles: Circles,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly limits: RateLimits = NO_LIMITS,
  ) {
    this.stories = new StoryRepository(store);
  }

  view(caller: Caller, s: Story): StoryView {
    const reactions = Object.fromEntries(REACTION_KINDS.map((k) => [k, { count: s.reactions[k]?.length ?? 0, mine: !!s.reactions[k]?.includes(caller.userId) }])) as StoryView['reactions'];
    return {
      id: s.id,
      pilotId: s.pilotId,
      pilotTitle: s.pilotTitle,
      practiceId: s.practiceId,
      practiceName: s.practiceName,
      teamName: s.teamName,
      outcome: s.outcome,
      author: { id: s.authorId, name: s.authorName },
      tried: s.tried,
      happened: s.happened,
      change: s.change,
      circleIds: s.circleIds,
      reactions,
      questionsAsked: s.questionsAsked,
      basedOnStoryId: s.basedOnStoryId,
      builtOn: s.builtOn,
      publishedAt: s.publishedAt,
      updatedAt: s.updatedAt,
      canEdit: s.authorId === caller.userId,
      canAsk: s.authorId !== caller.userId,
    };
  }

  /** Every story in the caller's organisation is theirs to read. */
  async get(caller: Caller, id: string): Promise<Story> {
    const story = await this.stories.find(caller.tenantId, id);
    if (!story) throw notFound('story');
    return story;
  }

  /** The library: newest first, matching every word of `q` against titles, names and text. */
  async search(caller: Caller, filter: Partial<StorySearch> = {}): Promise<Story[]> {
    const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
    return this.stories.search(caller.tenantId, {
      words: words.map((w) => w.slice(0, 40)),
      outcome: filter.outcome,
      practiceId: filter.practiceId,
      circleId: filter.circleId,
      authorId: filter.mine === 'true' ? caller.userId : undefined,
      top: filter.limit ?? 25,
    });
  }

  /** Closed pilots the caller managed, with their story if one is published: the "publish" picker. */
  async publishable(caller: Caller): Promise<PublishableView[]> {
    const mine = (await this.pilots.list(caller, { mine: true, limit: 200 })).filter((p) => !p.circleId && (OUTCOMES as readonly string[]).includes(p.status));
    if (!mine.length) return [];
    const have = await this.stories.published(caller.tenantId, mine.map((p) => storyIdFor(p.id)));
    return mine.map((p) => ({ pilotId: p.id, title: p.title, outcome: p.status as Outcome, hypothesis: p.hypothesis, learning: p.learning, storyId: have.has(storyIdFor(p.id)) ? storyIdFor(p.id) : undefined }));
  }

  /**
   * Publishes (or, again, edits) the story of a closed pilot. Only its manager may; one story per
   * pilot, so a retried publish changes nothing twice. Circles named get it in their conversation.
   */
  async publish(caller: Caller, input: StoryInput): Promise<{ story: Story; created: boolean }> {
    const pilot = await this.pilots.teamPilot(caller, input.pilotId);
    if (pilot.managerId !== caller.userId) throw forbidden('story.manager_only_publish');
    if (!(OUTCOMES as readonly string[]).includes(pilot.status)) throw conflict('story.not_closed');
    for (const circleId of input.circleIds) await this.circles.memberCircle(caller, circleId);
    if (input.circleIds.length) spendNotify(this.limits, caller);
    const now = this.clock.now().toISOString();
    const id = storyIdFor(pilot.id);
    const fields = { tried: input.tried, happened: input.happened, change: input.change };
    const { doc, created } = await this.stories.createOnce({
      id,
      tenantId: caller.tenantId,
      type: 'story',
      pilotId: pilot.id,
      pilotTitle: pilot.title,
      practiceId: pilot.practiceId,
      practiceName: pilot.practiceName,
      teamName: pilot.teamName,
      outcome: pilot.status as Outcome,
      authorId: caller.userId,
      authorName: caller.name,
      ...fields,
      circleIds: Array.from(new Set(input.circleIds)),
      reactions: emptyReactions(),
      questionsAsked: 0,
      basedOnStoryId: pilot.basedOnStoryId,
      builtOn: [],
      searchText: searchTextOf({ pilotTitle: pilot.title, practiceName: pilot.practiceName, teamName: pilot.teamName, authorName: caller.name, ...fields }),
      publishedAt: now,
      updatedAt: now,
    });
    let story = doc;
    if (!created) {
      story = (await this.stories.change(caller.tenantId, id, (s) => {
        const circleIds = Array.from(new Set([...s.circleIds, ...input.circleIds]));
        if (s.tried === fields.tried && s.happened === fields.happened && s.change === fields.change && circleIds.length === s.circleIds.length) return undefined;
        return { ...s, ...fields, circleIds, searchText: searchTextOf({ ...s, ...fields }), updatedAt: now };
      }))!;
    }
    await this.shareToCircles(story, input.circleIds);
    return { story, created };
  }

  /** The author shares their story with more of their circles. */
  async share(caller: Caller, id: string, circleIds: string[]): Promise<Story> {
    const story = await this.get(caller, id);
    if (story.authorId !== caller.userId) throw forbidden('story.author_only_share');
    for (const circleId of circleIds) await this.circles.memberCircle(caller, circleId);
    spendNotify(this.limits, caller);
    const updated = (await this.stories.change(caller.tenantId, id, (s) => {
      const next = Array.from(new Set([...s.circleIds, ...circleIds]));
      return next.length === s.circleIds.length ? undefined : { ...s, circleIds: next, updatedAt: this.clock.now().toISOString() };
    }))!;
    await this.shareToCircles(updated, circleIds);
    return updated;
  }

  private async shareToCircles(story: Story, circleIds: string[]): Promise<void> {
    for (const circleId of new Set(circleIds)) {
      await this.outbox.enqueue(story.tenantId, `story-shared:${story.id}:${circleId}`, 'story_shared', { kind: 'team', teamId: circleId }, {
        storyId: story.id,
        pilotTitle: story.pilotTitle,
        practiceName: story.practiceName,
        outcome: story.outcome,
        authorName: story.authorName,
        tried: story.tried,
        happened: story.happened,
        change: story.change,
      });
    }
  }

  /** One reaction per person per kind: adding twice or removing twice changes nothing. */
  async react(caller: Caller, id: string, kind: ReactionKind, on: boolean): Promise<Story> {
    await this.get(caller, id);
    return (await this.stories.change(caller.tenantId, id, (s) => {
      const current = s.reactions[kind] ?? [];
      const has = current.includes(caller.userId);
      if (has === on) return undefined;
      return { ...s, reactions: { ...s.reactions, [kind]: on ? [...current, caller.userId] : current.filter((u) => u !== caller.userId) } };
    }))!;
  }

  /**
   * Sends the author a question in their 1:1 chat, with the asker named so they can talk. Once per
   * request (`requestKey`, else the question's text): Teams retries never send it twice.
   */
  async ask(caller: Caller, id: string, text: string, requestKey?: string): Promise<{ sent: boolean; story: Story }> {
    const story = await this.get(caller, id);
    if (story.authorId === caller.userId) throw invalid([problem('text', 'story.own')], 'story.own_question');
    spendNotify(this.limits, caller);
    const asker = await this.directory.member(caller.tenantId, caller.userId);
    const key = `story-question:${story.id}:${caller.userId}:${requestKey ?? createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
    const sent = await this.outbox.enqueue(caller.tenantId, key, 'story_question', { kind: 'user', userId: story.authorId }, {
      storyId: story.id,
      pilotTitle: story.pilotTitle,
      askerId: caller.userId,
      askerName: caller.name,
      askerEmail: asker?.email,
      question: text,
    });
    const updated = sent ? (await this.stories.change(caller.tenantId, id, (s) => ({ ...s, questionsAsked: s.questionsAsked + 1 })))! : story;
    return { sent, story: updated };
  }

  /**
   * Records that a pilot builds on this story: its manager links it (e.g. right after launching it
   * from the story). The author hears about it; a pilot builds on one story at a time.
   */
  async link(caller: Caller, id: string, pilotId: string): Promise<{ story: Story; pilot: Pilot }> {
    const story = await this.get(caller, id);
    const pilot = await this.pilots.teamPilot(caller, pilotId);
    if (!(await this.pilots.canEdit(caller, pilot))) throw forbidden('story.manager_only_link');
    if (pilot.id === story.pilotId) throw invalid([problem('pilotId', 'story.own_link')]);
    spendNotify(this.limits, caller);
    const previous = pilot.basedOnStoryId;
    const linked = (await this.stories.changePilot(caller.tenantId, pilot.id, (p) => (p.basedOnStoryId === story.id ? undefined : { ...p, basedOnStoryId: story.id, updatedAt: this.clock.now().toISOString() })))!;
    if (previous && previous !== story.id) {
      await this.stories.change(caller.tenantId, previous, (s) => (s.builtOn.some((b) => b.pilotId === pilot.id) ? { ...s, builtOn: s.builtOn.filter((b) => b.pilotId !== pilot.id) } : undefined));
    }
    const updated = (await this.stories.change(caller.tenantId, story.id, (s) =>
      s.builtOn.some((b) => b.pilotId === pilot.id)
        ? undefined
        : { ...s, builtOn: [...s.builtOn, { pilotId: pilot.id, title: pilot.title, teamName: pilot.teamName, managerName: pilot.managerName, at: this.clock.now().toISOString() }].slice(-KEEP_BUILT_ON) },
    ))!;
    if (story.authorId !== caller.userId) {
      await this.outbox.enqueue(caller.tenantId, `story-built-on:${story.id}:${pilot.id}`, 'circle_update', { kind: 'user', userId: story.authorId }, {
        event: 'built_on',
        storyId: story.id,
        storyTitle: story.pilotTitle,
        managerName: pilot.managerName,
        pilotTitle: pilot.title,
        teamName: pilot.teamName,
      });
    }
    return { story: updated, pilot: linked };
  }
}
