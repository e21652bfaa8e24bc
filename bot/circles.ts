import { randomUUID } from 'node:crypto';
import { CardFactory, MessageFactory, type MessagingExtensionAttachment, type MessagingExtensionQuery, type MessagingExtensionResponse, type TurnContext } from 'botbuilder';
import type { Domain } from '../domain';
import { circleInputSchema } from '../domain/circles';
import { LEVELS } from '../domain/paths';
import { DomainError } from '../domain/shared/errors';
import { LEADERSHIP_ELEMENTS, type DevelopmentPath, type LeadershipElement, type LeadershipLevel } from '../domain/paths';
import { REACTION_KINDS, type ReactionKind, type Story } from '../domain/stories';
import { type Caller } from '../domain/shared/caller';
import { type Circle } from '../domain/circles';
import { type Outcome } from '../domain/pilots';
import { type Project } from '../domain/projects';
import type { NotificationKind } from '../domain/outbox';
import { projectCardData, projectDecisionSchema, type ProjectCardData } from '../domain/projects';
import { reviewSchema } from '../domain/paths';
import { parseInput } from '../domain/shared/validation';
import { storyInputSchema, storyQuestionSchema } from '../domain/stories';
import { renderCard, type CardAttachment } from './cards';
import type { ExtraCommand } from './chat';
import { localeOf, t, type Locale } from './i18n';
import { teamIdOf } from './install';
import type { LinkConfig } from './links';

/**
 * Teams faces of leadership circles, practice stories, community projects and development paths
 * (issue 9). Everything here is a thin edge over domain.circles / stories / projects / paths; the
 * caller always comes from the activity. Exports, for bot/ to wire:
 *
 *  - circleCommands(domain, links)        chat commands (ChatCommands.register)
 *  - circleActions(links)                 Action.Execute verbs `circle.*`, `story.*`, `project.*`, `path.*`
 *                                         (CardActions.register, once per CIRCLE_VERB_PREFIXES entry)
 *  - storySearch(domain, links, caller, query)  message-extension search command STORY_SEARCH_COMMAND
 *  - storyAttachments(...)                story results to mix into another search
 *  - circleNotificationCard(links, kind, data, locale)  cards of the outbox kinds in CIRCLE_NOTIFICATION_KINDS
 */
export const CIRCLE_VERB_PREFIXES = ['circle.', 'story.', 'project.', 'path.'] as const;
export const STORY_SEARCH_COMMAND = 'findStories';
export const CIRCLE_NOTIFICATION_KINDS: readonly NotificationKind[] = ['circle_update', 'story_shared', 'story_question', 'project_update', 'path_update'];

/** For the help card and the manifest's command lists. */
export const CIRCLE_COMMANDS = [
  { name: 'start circle <name>', description: 'Start a leadership circle in this group chat or channel' },
  { name: 'circle', description: 'The circle here: convenor, election, ballot' },
  { name: 'nominate me', description: 'Stand for convenor (or “nominate <name>”)' },
  { name: 'stories <words>', description: 'Find practice stories from other managers' },
  { name: 'share story', description: 'Publish what you learned from a closed pilot' },
  { name: 'my path', description: 'Your development path (private to you)' },
];

const REACTION_LABEL: Record<ReactionKind, string> = { helpful: '👍 Helpful', inspiring: '💡 Inspiring', will_try: '🧪 I’ll try it' };
const OUTCOME_LABEL: Record<Outcome, string> = { adopted: 'Adopted', adapted: 'Adapted', stopped: 'Stopped' };
const PROJECT_STATUS_LABEL: Record<Project['status'], string> = { proposed: 'Proposed', approved: 'Approved', declined: 'Declined', done: 'Done' };
const ELEMENT_LABEL: Record<LeadershipElement, string> = {
  setting_direction: 'Setting direction',
  owning_results: 'Owning results',
  influencing: 'Influencing',
  empowering_others: 'Empowering others',
  accountability: 'Accountability',
};
const TIE_BREAK =
  'One vote each, secret, changeable until the close. Most votes wins; a tie goes to the tied nominee who has convened least recently (never before first), then to the one nominated first.';

/** Adaptive Cards' DATE()/TIME() want RFC 3339 without milliseconds; Teams shows local time. */
const cardTime = (iso: string | undefined) => (iso ? new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z') : '');
const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');
const str = (v: unknown, max = 2000) => (typeof v === 'string' ? v.slice(0, max) : typeof v === 'number' ? String(v) : '');
const send = (context: TurnContext, card: CardAttachment) => context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.content)));

/** A deep link to the tab at an entity (circle:, story:, project:, path:). */
export function entityLink(cfg: LinkConfig, entityId: string): string {
  if (cfg.teamsAppId) {
    const context = encodeURIComponent(JSON.stringify({ subEntityId: entityId }));
    return `https://teams.microsoft.com/l/entity/${cfg.teamsAppId}/pilots?context=${context}`;
  }
  const route = entityId.startsWith('circle:') ? 'circles' : entityId.startsWith('story:') ? 'stories' : entityId.startsWith('project:') ? 'projects' : entityId.startsWith('path:') ? 'paths' : 'pilots';
  return `${cfg.publicUrl}/tabs/index.html#/${route}/${encodeURIComponent(entityId)}`;
}

function money(amount: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(locale === 'es' ? 'es-ES' : 'en-GB', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** Ids and other plain slots a card's actions carry: never escaped as markdown. */
const RAW_IDS = ['circleId', 'storyId', 'projectId', 'pathId', 'closesAt'];

const message = (title: string, text: string, locale: Locale) => renderCard('message', { title, text }, [], locale);

/** A domain refusal as words for a card or a chat reply (validation lists the fields). */
function reason(err: DomainError, locale: Locale): string {
  if (err.kind === 'unavailable') return t(locale, 'Leaderful cannot reach its data right now. Please try again shortly.');
  if (err.kind === 'validation' && err.fields.length) return err.fields.map((f) => `${f.field}: ${t(locale, f.message)}`).join('; ');
  return t(locale, err.message);
}

// -------------------------------------------------------------------------------------------------
// Cards

/** The circle with its election: the ballot when one is open, the result when it closed. */
export async function circleCard(domain: Domain, links: LinkConfig, caller: Caller, circle: Circle, locale: Locale, opts: { status?: string; problem?: string } = {}): Promise<CardAttachment> {
  const view = await domain.circles.view(caller, circle);
  const e = view.election;
  const open = e?.status === 'open';
  const facts = [{ title: t(locale, 'Members'), value: String(view.memberCount) }];
  if (open) {
    facts.push({ title: t(locale, 'Standing'), value: e.nominees.length ? e.nominees.map((n) => n.name).join(', ') : t(locale, 'Nobody yet') });
    facts.push({ title: t(locale, 'Votes cast'), value: String(e.votesCast) });
  } else if (e?.result) {
    for (const row of e.result.tally) facts.push({ title: row.name, value: t(locale, row.votes === 1 ? '{n} vote' : '{n} votes', { n: row.votes }) });
  }
  const excluded = new Set(e?.excluded.map((x) => x.id) ?? []);
  return renderCard(
    'circleStatus',
    {
      circleId: circle.id,
      heading: t(locale, 'Circle: {name}', { name: view.name }),
      subtitle: view.convenorTerm.interim
        ? t(locale, '{name} convenes until the first election closes.', { name: view.convenor.name })
        : t(locale, 'Convened by {name} until {date}.', { name: view.convenor.name, date: day(view.convenorTerm.termEndsAt) }),
      text: view.purpose,
      status: opts.status ?? '',
      problem: opts.problem ?? '',
      facts,
      closesAt: open ? cardTime(e.closesAt) : '',
      showVote: open && view.isMember && e.nominees.length > 0,
      nominees: open ? e.nominees.map((n) => ({ name: n.name, value: n.id })) : [],
      showNominate: open && view.isMember,
      candidates: open ? view.members.filter((m) => !excluded.has(m.id)).map((m) => ({ name: m.name, value: m.id })) : [],
      rule: open ? t(locale, TIE_BREAK) + (excluded.size ? ` ${t(locale, 'The outgoing convenor does not stand this time: the role rotates.')}` : '') : '',
      canClose: view.can.closeElection,
      canJoin: false,
      url: entityLink(links, circle.id),
    },
    ['nominees', 'candidates', ...RAW_IDS],
    locale,
  );
}

/** Offered to someone in the circle's conversation who has not joined it. */
function joinCard(links: LinkConfig, circle: Circle, locale: Locale): CardAttachment {
  return renderCard(
    'circleStatus',
    {
      circleId: circle.id,
      heading: t(locale, 'Circle: {name}', { name: circle.name }),
      subtitle: '',
      text: t(locale, 'You are in this chat but not in its circle yet. Join to take part in its check-ins and elections.'),
      status: '',
      problem: '',
      facts: [],
      closesAt: '',
      showVote: false,
      nominees: [],
      showNominate: false,
      candidates: [],
      rule: '',
      canClose: false,
      canJoin: true,
      url: '',
    },
    RAW_IDS,
    locale,
  );
}

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
    ['reactionButtons', ...RAW_IDS],
    locale,
  );
}

const storyData = (s: Story): StoryCardData => ({ ...s, builtOn: s.builtOn.length });

export function projectCard(links: LinkConfig, p: ProjectCardData, locale: Locale, opts: { intro?: string; canDecide?: boolean; status?: string; problem?: string } = {}): CardAttachment {
  const facts = [
    { title: t(locale, 'Circle'), value: p.circleName },
    { title: t(locale, 'Time asked'), value: t(locale, p.weeksAsked === 1 ? '{n} week' : '{n} weeks', { n: p.weeksAsked }) },
    { title: t(locale, 'Budget asked'), value: money(p.budget.amount, p.budget.currency, locale) },
    { title: t(locale, 'Sponsor'), value: p.sponsorName },
    { title: t(locale, 'Status'), value: t(locale, PROJECT_STATUS_LABEL[p.status]) },
  ];
  if (p.decidedBy) facts.push({ title: t(locale, 'Decided by'), value: p.decidedBy });
  if (p.reason) facts.push({ title: t(locale, 'Reason'), value: p.reason });
  if (p.summary) facts.push({ title: t(locale, 'Outcome'), value: p.summary });
  return renderCard(
    'projectCard',
    {
      projectId: p.projectId,
      intro: opts.intro ?? '',
      title: p.title,
      subtitle: t(locale, 'Proposed by {name} for the circle “{circle}”', { name: p.proposedByName, circle: p.circleName }),
      goal: p.goal,
      facts,
      status: opts.status ?? '',
      problem: opts.problem ?? '',
      canDecide: !!opts.canDecide,
      url: entityLink(links, p.projectId),
    },
    RAW_IDS,
    locale,
  );
}


function pathCard(links: LinkConfig, v: { heading: string; text?: string; facts?: { title: string; value: string }[]; pathId: string; canReview?: boolean; privacyNote?: string; status?: string; problem?: string }, locale: Locale): CardAttachment {
  return renderCard(
    'pathCard',
    {
      heading: v.heading,
      text: v.text ?? '',
      facts: v.facts ?? [],
      privacyNote: v.privacyNote ?? '',
      status: v.status ?? '',
      problem: v.problem ?? '',
      canReview: !!v.canReview,
      pathId: v.pathId,
      url: entityLink(links, v.pathId),
    },
    RAW_IDS,
    locale,
  );
}

const levelLabel = (level: unknown, locale: Locale) => t(locale, LEVELS[level as LeadershipLevel]?.label ?? String(level));

/** The owner's own summary of their path (shown only in their 1:1 chat). */
export function myPathCard(links: LinkConfig, p: DevelopmentPath, locale: Locale): CardAttachment {
  const facts = [{ title: t(locale, 'Growing in'), value: levelLabel(p.level, locale) }];
  if (p.assessment) for (const e of LEADERSHIP_ELEMENTS) facts.push({ title: t(locale, ELEMENT_LABEL[e]), value: `${p.assessment.ratings[e]} / 5` });
  facts.push({ title: t(locale, 'Goals'), value: t(locale, '{open} open, {done} done', { open: p.goals.filter((g) => g.status === 'open').length, done: p.goals.filter((g) => g.status === 'done').length }) });
  facts.push({ title: t(locale, 'Shared with'), value: p.shares.length ? p.shares.map((s) => s.name).join(', ') : t(locale, 'Nobody') });
  if (p.review) facts.push({ title: t(locale, 'Readiness review'), value: t(locale, p.review.status === 'requested' ? 'Requested' : p.review.status === 'ready' ? 'Ready' : 'Not yet') });
  return pathCard(links, { heading: t(locale, 'Your development path'), pathId: p.id, facts, privacyNote: t(locale, 'Only you and the people you share it with can see this.') }, locale);
}

// -------------------------------------------------------------------------------------------------
// Outbox notifications

/** Cards of the outbox kinds this feature queues (see domain/circles, stories, projects, development). */
export function circleNotificationCard(links: LinkConfig, kind: NotificationKind, data: Record<string, unknown>, locale: Locale = 'en'): CardAttachment {
  const update = (v: Record<string, unknown>) =>
    renderCard('circleUpdate', { heading: '', label: '', text: '', quote: '', facts: [], dueLabel: '', dueAt: '', circleId: '', showBallot: false, showWithdraw: false, chatTitle: '', chatUrl: '', url: '', ...v }, ['chatUrl', 'dueAt', ...RAW_IDS], locale);
  const event = str(data.event, 40);
  switch (kind) {
    case 'circle_update': {
      const circleId = str(data.circleId, 200);
      if (event === 'election') {
        const why =
          data.reason === 'first'
            ? t(locale, '“{name}” has started with {n} members.', { name: str(data.circleName), n: Number(data.memberCount) || 0 })
            : data.reason === 'term_ended'
              ? t(locale, '{name}’s term as convenor has ended: thank you!', { name: str(data.convenorName) })
              : t(locale, '{name} has called an election.', { name: str(data.convenorName) });
        return update({
          heading: t(locale, 'Elect the convenor of “{name}”', { name: str(data.circleName) }),
          text: `${why} ${t(locale, 'Nominate someone (yourself included) and vote.')} ${t(locale, TIE_BREAK)}${data.rotates ? ` ${t(locale, 'The outgoing convenor does not stand this time: the role rotates.')}` : ''}`,
          dueLabel: t(locale, 'The election closes'),
          dueAt: cardTime(str(data.closesAt, 40)),
          circleId,
          showBallot: true,
          url: entityLink(links, circleId),
        });
      }
      if (event === 'elected') {
        const winner = str(data.winnerName);
        const how =
          data.rule === 'votes'
            ? t(locale, '{name} received the most votes ({n} cast).', { name: winner, n: Number(data.votesCast) || 0 })
            : data.rule === 'tie_break'
              ? t(locale, 'The vote was tied: under the circle’s tie-break rule the role goes to {name}, who convened least recently.', { name: winner })
              : data.rule === 'continued'
                ? t(locale, 'Nobody else stood, so {name} carries on for a new term.', { name: winner })
                : t(locale, 'Nobody stood, so the role rotates to {name}, who convened least recently.', { name: winner });
        const tally = Array.isArray(data.tally) ? (data.tally as { name?: unknown; votes?: unknown }[]) : [];
        return update({
          heading: t(locale, '{name} convenes “{circle}”', { name: winner, circle: str(data.circleName) }),
          text: how,
          facts: tally.slice(0, 30).map((row) => ({ title: str(row.name, 100), value: t(locale, Number(row.votes) === 1 ? '{n} vote' : '{n} votes', { n: Number(row.votes) || 0 }) })),
          dueLabel: t(locale, 'Their term ends'),
          dueAt: cardTime(str(data.termEndsAt, 40)),
          url: entityLink(links, circleId),
        });
      }
      if (event === 'nominated') {
        return update({
          heading: t(locale, 'You are nominated to convene “{name}”', { name: str(data.circleName) }),
          text: t(locale, '{name} nominated you as the circle’s next convenor. If you would rather not stand, withdraw.', { name: str(data.byName) }),
          dueLabel: t(locale, 'The election closes'),
          dueAt: cardTime(str(data.closesAt, 40)),
          circleId,
          showWithdraw: true,
        });
      }
      if (event === 'built_on') {
        return update({
          heading: t(locale, 'Your story is inspiring a new pilot'),
          text: t(locale, '{manager} is building on your story of “{story}” with “{pilot}” ({team}).', { manager: str(data.managerName), story: str(data.storyTitle), pilot: str(data.pilotTitle), team: str(data.teamName) }),
          url: entityLink(links, str(data.storyId, 200)),
        });
      }
      return update({ heading: t(locale, 'Leadership circle'), text: t(locale, 'You have an update in Leaderful.') });
    }
    case 'story_shared':
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
    case 'story_question': {
      const email = str(data.askerEmail, 200);
      const asker = str(data.askerName);
      return update({
        heading: t(locale, '{name} asked about your story', { name: asker }),
        label: str(data.pilotTitle),
        quote: str(data.question),
        chatTitle: email ? t(locale, 'Reply to {name} in chat', { name: asker }) : '',
        chatUrl: email ? `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(email)}` : '',
        url: entityLink(links, str(data.storyId, 200)),
      });
    }
    case 'project_update': {
      const p = data as unknown as ProjectCardData;
      const intro =
        event === 'proposed'
          ? t(locale, 'You are asked to sponsor a community project. Approve it, or decline with a reason.')
          : event === 'proposed_circle'
            ? t(locale, 'A community project was proposed and is waiting for its sponsor’s decision.')
            : event === 'approved'
              ? t(locale, 'The project is approved: check in on its progress as you go.')
              : event === 'declined'
                ? t(locale, 'The project was declined.')
                : t(locale, 'The project is done. Thank you for sponsoring it!');
      return projectCard(links, { ...p, budget: p.budget ?? { amount: 0, currency: 'EUR' } }, locale, { intro, canDecide: event === 'proposed' });
    }
    case 'path_update': {
      const pathId = str(data.pathId, 200);
      const level = levelLabel(data.level, locale);
      if (event === 'shared') {
        return pathCard(
          links,
          {
            pathId,
            heading: t(locale, '{name} shared their development path with you', { name: str(data.ownerName) }),
            text: data.coach
              ? t(locale, '{name} is growing in “{level}” and asked you to coach them. Their self-assessment and goals are visible to you, and to nobody they haven’t chosen.', { name: str(data.ownerName), level })
              : t(locale, '{name} is growing in “{level}” and shared their path with you.', { name: str(data.ownerName), level }),
            privacyNote: t(locale, 'Please keep what you read here between the two of you.'),
          },
          locale,
        );
      }
      if (event === 'review_requested') {
        return pathCard(
          links,
          {
            pathId,
            heading: t(locale, '{name} asks for a readiness review', { name: str(data.ownerName) }),
            text: t(locale, 'Is {name} ready to lead at the “{level}” level? “Ready” is recognised with a celebration.', { name: str(data.ownerName), level }),
            canReview: true,
          },
          locale,
        );
      }
      if (event === 'coaching') {
        return pathCard(
          links,
          {
            pathId,
            heading: data.byOwner ? t(locale, '{name} added a coaching check-in', { name: str(data.byName) }) : t(locale, '{name} added a coaching note', { name: str(data.byName) }),
            text: str(data.text),
          },
          locale,
        );
      }
      if (event === 'not_yet') {
        return pathCard(
          links,
          {
            pathId,
            heading: t(locale, '{name} reviewed your readiness', { name: str(data.byName) }),
            text: `${t(locale, 'Not yet — and that is part of growing. What to work on next:')} ${str(data.note)}`,
          },
          locale,
        );
      }
      return pathCard(links, { pathId, heading: t(locale, 'Your development path'), text: t(locale, 'You have an update in Leaderful.') }, locale);
    }
    default:
      return message('', t(locale, 'You have an update in Leaderful.'), locale);
  }
}

// -------------------------------------------------------------------------------------------------
// Chat commands

/** Strips Teams mention markup from a name typed after a command ("nominate <at>Ana</at>"). */
const plainName = (text: string) => text.replace(/<\/?at>/gi, '').replace(/^@/, '').trim();

export function circleCommands(domain: Domain, links: LinkConfig): ExtraCommand {
  return async (context, caller, text) => {
    const locale = localeOf(context.activity.locale);
    const say = (s: string) => context.sendActivity(s);
    const command = text.toLowerCase();
    const personal = (context.activity.conversation?.conversationType ?? 'personal') === 'personal';
    const teamId = teamIdOf(context);
    let m: RegExpExecArray | null;

    const here = async (): Promise<Circle | undefined> => {
      const circle = teamId ? await domain.circles.forConversation(caller.tenantId, teamId) : undefined;
      if (!circle) await say(t(locale, personal ? 'Circles live in group chats and channels: add me to one and type “start circle <name>” there.' : 'There is no circle in this chat yet. Type “start circle <name>” to start one.'));
      return circle;
    };
    const guarded = async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        await say(reason(err, locale));
      }
      return true;
    };

    if ((m = /^start (?:a )?(?:leadership )?circle(?:\s+(.*))?$/i.exec(text))) {
      const name = plainName(m[1] ?? '');
      if (personal || !teamId) return say(t(locale, 'Circles live in group chats and channels: add me to one and type “start circle <name>” there.')).then(() => true);
      if (!name) return say(t(locale, 'Give your circle a name, e.g. “start circle Leading hybrid teams”.')).then(() => true);
      return guarded(async () => {
        const { circle, created } = await domain.circles.start(caller, parseInput(circleInputSchema, { teamId, name: name.slice(0, 200) }));
        await send(context, await circleCard(domain, links, caller, circle, locale, { status: created ? t(locale, 'The circle has started. First job: elect its convenor.') : t(locale, 'This chat already has a circle.') }));
      });
    }
    if (command === 'circle' || command === 'circle status' || command === 'ballot' || command === 'vote') {
      const circle = await here();
      if (!circle) return true;
      return guarded(async () => {
        const joinable = await domain.circles.joinable(caller, circle.id);
        await send(context, joinable ? joinCard(links, joinable, locale) : await circleCard(domain, links, caller, await domain.circles.get(caller, circle.id), locale));
      });
    }
    if (command === 'join circle') {
      const circle = await here();
      if (!circle) return true;
      return guarded(async () => {
        const joined = await domain.circles.join(caller, circle.id);
        await say(t(locale, 'Welcome to “{name}”, {person}.', { name: joined.name, person: caller.name }));
      });
    }
    if (command === 'leave circle') {
      const circle = await here();
      if (!circle) return true;
      return guarded(async () => {
        await domain.circles.leave(caller, circle.id);
        await say(t(locale, 'You have left “{name}”.', { name: circle.name }));
      });
    }
    if ((m = /^nominate\s+(.+)$/i.exec(text))) {
      const circle = await here();
      if (!circle) return true;
      return guarded(async () => {
        const wanted = plainName(m![1]);
        let nomineeId: string | undefined;
        if (/^(me|myself)$/i.test(wanted)) nomineeId = caller.userId;
        else {
          const members = await domain.directory.membersByIds(caller.tenantId, circle.memberIds);
          const mentioned = (context.activity.entities ?? [])
            .filter((e) => e.type === 'mention' && e.mentioned?.id !== context.activity.recipient?.id)
            .map((e) => String((e.mentioned as { id?: string } | undefined)?.id ?? ''));
          const byMention = members.filter((x) => x.teamsUserId && mentioned.includes(x.teamsUserId));
          const exact = members.filter((x) => x.name.toLowerCase() === wanted.toLowerCase());
          const prefix = members.filter((x) => x.name.toLowerCase().startsWith(wanted.toLowerCase()));
          const found = byMention.length === 1 ? byMention : exact.length === 1 ? exact : prefix;
          if (found.length !== 1) return void (await say(t(locale, found.length ? 'Several members match “{name}”: type their full name.' : 'Nobody in this circle is called “{name}”.', { name: wanted.slice(0, 60) })));
          nomineeId = found[0].userId;
        }
        const updated = await domain.circles.nominate(caller, circle.id, nomineeId);
        const nominee = updated.election?.nominees.find((n) => n.userId === nomineeId);
        await say(t(locale, '{name} is nominated. Type “ballot” to vote.', { name: nominee?.name ?? wanted }));
      });
    }
    if (/^(?:close|end) (?:the )?election$/.test(command)) {
      const circle = await here();
      if (!circle) return true;
      return guarded(async () => send(context, await circleCard(domain, links, caller, await domain.circles.closeElection(caller, circle.id), locale)));
    }
    if (/^(?:call|start|open) (?:an |the )?election$/.test(command)) {
      const circle = await here();
      if (!circle) return true;
      return guarded(async () => send(context, await circleCard(domain, links, caller, await domain.circles.openElection(caller, circle.id), locale)));
    }
    if ((m = /^(?:find |search )?stor(?:y|ies)(?:\s+(.+))?$/i.exec(text))) {
      const words = (m[1] ?? '').trim();
      const found = await domain.stories.search(caller, { q: words, limit: 10 });
      await send(
        context,
        renderCard(
          'pilotList',
          {
            heading: words ? t(locale, 'Practice stories about “{words}”', { words: words.slice(0, 60) }) : t(locale, 'Latest practice stories'),
            empty: t(locale, 'No stories found yet. Managers publish them when a pilot closes.'),
            pilots: found.map((s) => ({ title: s.pilotTitle, subtitle: `${t(locale, OUTCOME_LABEL[s.outcome])} · ${s.practiceName} · ${s.authorName}`, url: entityLink(links, s.id) })),
          },
          [],
          locale,
        ),
      );
      return true;
    }
    if (/^(?:share|publish) (?:a |my )?story$/.test(command)) {
      if (!personal) return say(t(locale, 'Let’s do this in our 1:1 chat: message me “share story” there.')).then(() => true);
      const card = await storyFormCard(domain, caller, locale);
      await send(context, card ?? message('', t(locale, 'You have no closed pilots yet. When a pilot closes, come back to share what you learned.'), locale));
      return true;
    }
    if (command === 'my path' || command === 'my development path') {
      if (!personal) return say(t(locale, 'Your development path is private: ask me in our 1:1 chat.')).then(() => true);
      const path = await domain.paths.mine(caller);
      await send(context, path ? myPathCard(links, path, locale) : message(t(locale, 'Your development path'), t(locale, 'Choose a level of leadership to grow in, in the Leaderful tab. Only you, and people you choose, will see it.'), locale));
      return true;
    }
    if (command === 'projects' || command === 'circle projects') {
      const circle = teamId ? await domain.circles.forConversation(caller.tenantId, teamId) : undefined;
      const list = await domain.projects.list(caller, circle ? { circleId: circle.id } : {});
      await send(
        context,
        renderCard(
          'pilotList',
          {
            heading: t(locale, 'Community projects'),
            empty: t(locale, 'No community projects yet. A circle proposes one from the Leaderful tab.'),
            pilots: list.slice(0, 10).map((p) => ({ title: p.title, subtitle: `${t(locale, PROJECT_STATUS_LABEL[p.status])} · ${p.circleName} · ${p.sponsorName}`, url: entityLink(links, p.id) })),
          },
          [],
          locale,
        ),
      );
      return true;
    }
    return false;
  };
}

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

// -------------------------------------------------------------------------------------------------
// Card verbs (Action.Execute)

/**
 * The handler of `circle.*`, `story.*`, `project.*` and `path.*` verbs. Answers with the card that
 * replaces the one clicked. Cards in shared conversations never show how anyone voted.
 */
export function circleActions(links: LinkConfig) {
  return async (domain: Domain, caller: Caller, verb: string, data: Record<string, unknown>, locale: Locale = 'en'): Promise<CardAttachment> => {
    const id = (key: string) => str(data[key], 200);
    try {
      switch (verb) {
        case 'circle.ballot':
        case 'circle.join':
        case 'circle.vote':
        case 'circle.nominate':
        case 'circle.closeElection':
        case 'circle.withdraw':
          return await circleVerb(domain, links, caller, verb, id('circleId'), data, locale);
        case 'story.react': {
          const kind = str(data.kind, 20) as ReactionKind;
          if (!REACTION_KINDS.includes(kind)) return message('', t(locale, 'This button is no longer available. Type “help” to see what I can do.'), locale);
          const current = await domain.stories.get(caller, id('storyId'));
          const on = !current.reactions[kind]?.includes(caller.userId);
          const story = await domain.stories.react(caller, current.id, kind, on);
          return storyCard(links, storyData(story), locale, { status: on ? t(locale, 'Thanks for letting {name} know.', { name: story.authorName }) : '', canAsk: story.authorId !== caller.userId });
        }
        case 'story.ask': {
          const story = await domain.stories.get(caller, id('storyId'));
          const canAsk = story.authorId !== caller.userId;
          let text: string;
          try {
            text = parseInput(storyQuestionSchema, { text: str(data.question, 1100) }).text;
          } catch {
            return storyCard(links, storyData(story), locale, { problem: t(locale, 'Write a question of 3 to 1000 characters.'), canAsk });
          }
          try {
            const { sent } = await domain.stories.ask(caller, story.id, text, id('requestId') || undefined);
            return storyCard(links, storyData(story), locale, { status: sent ? t(locale, 'Your question is on its way to {name}, with your name.', { name: story.authorName }) : t(locale, 'You already sent that question.'), canAsk });
          } catch (err) {
            if (err instanceof DomainError && err.kind === 'validation') return storyCard(links, storyData(story), locale, { problem: t(locale, err.message), canAsk });
            throw err;
          }
        }
        case 'story.publish': {
          const values = { pilotId: id('pilotId'), tried: str(data.tried), happened: str(data.happened), change: str(data.change), circleIds: str(data.circleIds, 2000) };
          try {
            const input = parseInput(storyInputSchema, { ...values, circleIds: values.circleIds ? values.circleIds.split(',').map((c) => c.trim()).filter(Boolean) : [] });
            const { story } = await domain.stories.publish(caller, input);
            return storyCard(links, storyData(story), locale, { status: t(locale, 'Published to the practice library. Thank you for sharing what you learned!'), canAsk: false });
          } catch (err) {
            if (!(err instanceof DomainError) || err.kind === 'unavailable') throw err;
            const form = await storyFormCard(domain, caller, locale, { values, problem: reason(err, locale), requestId: id('requestId') || undefined });
            return form ?? message('', reason(err, locale), locale);
          }
        }
        case 'project.decide': {
          const project = await domain.projects.get(caller, id('projectId'));
          try {
            const input = parseInput(projectDecisionSchema, { decision: str(data.decision, 20), reason: str(data.reason, 1100) });
            const decided = await domain.projects.decide(caller, project.id, input);
            return projectCard(links, projectCardData(decided), locale, { status: t(locale, decided.status === 'approved' ? 'Approved. The circle has been told.' : 'Declined. The circle has been told why.') });
          } catch (err) {
            if (!(err instanceof DomainError) || err.kind === 'unavailable') throw err;
            const canDecide = project.status === 'proposed' && err.kind === 'validation';
            return projectCard(links, projectCardData(await domain.projects.get(caller, project.id)), locale, { problem: reason(err, locale), canDecide });
          }
        }
        case 'path.review': {
          const path = await domain.paths.get(caller, id('pathId'));
          try {
            const input = parseInput(reviewSchema, { outcome: str(data.outcome, 20), note: str(data.note, 1100) });
            const reviewed = await domain.paths.review(caller, path.id, input);
            return pathCard(
              links,
              {
                pathId: reviewed.id,
                heading: t(locale, 'Readiness review of {name}', { name: reviewed.ownerName }),
                status: t(locale, input.outcome === 'ready' ? 'Sent: {name} is recognised. Thank you for coaching them.' : 'Sent: {name} will see your note.', { name: reviewed.ownerName }),
              },
              locale,
            );
          } catch (err) {
            if (!(err instanceof DomainError) || err.kind !== 'validation') throw err;
            return pathCard(links, { pathId: path.id, heading: t(locale, '{name} asks for a readiness review', { name: path.ownerName }), canReview: true, problem: reason(err, locale) }, locale);
          }
        }
        default:
          return message('Leaderful', t(locale, 'This button is no longer available. Type “help” to see what I can do.'), locale);
      }
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return message('Leaderful', reason(err, locale), locale);
    }
  };
}

async function circleVerb(domain: Domain, links: LinkConfig, caller: Caller, verb: string, circleId: string, data: Record<string, unknown>, locale: Locale): Promise<CardAttachment> {
  if (verb === 'circle.join') {
    const circle = await domain.circles.join(caller, circleId);
    return circleCard(domain, links, caller, circle, locale, { status: t(locale, 'Welcome to “{name}”, {person}.', { name: circle.name, person: caller.name }) });
  }
  const joinable = await domain.circles.joinable(caller, circleId);
  if (joinable) return joinCard(links, joinable, locale);
  const circle = await domain.circles.get(caller, circleId);
  const again = (status: string, problem = '') => async (c: Circle) => circleCard(domain, links, caller, c, locale, { status, problem });
  try {
    switch (verb) {
      case 'circle.vote': {
        const nomineeId = str(data.voteFor, 100);
        if (!nomineeId) return await again('', t(locale, 'Pick someone to vote for.'))(circle);
        // The card may be seen by everyone in the chat: it says a vote was cast, never whose.
        return await again(t(locale, 'Your vote is in. You can change it until the election closes.'))(await domain.circles.vote(caller, circleId, nomineeId));
      }
      case 'circle.nominate': {
        const nomineeId = str(data.nominate, 100);
        if (!nomineeId) return await again('', t(locale, 'Pick someone to nominate.'))(circle);
        const updated = await domain.circles.nominate(caller, circleId, nomineeId);
        const name = updated.election?.nominees.find((n) => n.userId === nomineeId)?.name ?? '';
        return await again(t(locale, '{name} is nominated.', { name }))(updated);
      }
      case 'circle.closeElection': {
        const closed = await domain.circles.closeElection(caller, circleId);
        return await again(t(locale, '{name} convenes the circle now.', { name: closed.convenor.name }))(closed);
      }
      case 'circle.withdraw': {
        const updated = await domain.circles.withdraw(caller, circleId);
        return message('', t(locale, 'You are no longer standing for convenor of “{name}”.', { name: updated.name }), locale);
      }
      default:
        return await circleCard(domain, links, caller, circle, locale);
    }
  } catch (err) {
    if (!(err instanceof DomainError) || err.kind === 'unavailable' || err.kind === 'not_found') throw err;
    return circleCard(domain, links, caller, await domain.circles.get(caller, circleId), locale, { problem: reason(err, locale) });
  }
}

// -------------------------------------------------------------------------------------------------
// Message extension: "Find practice stories"

const preview = (title: string, text: string) => ({ contentType: 'application/vnd.microsoft.card.thumbnail', content: { title, text } });

/** Story results as message-extension attachments (also for mixing into another search). */
export async function storyAttachments(domain: Domain, links: LinkConfig, caller: Caller, text: string, limit: number, locale: Locale = 'en'): Promise<MessagingExtensionAttachment[]> {
  const found = await domain.stories.search(caller, { q: text.slice(0, 100), limit });
  return found.map((s) => ({ ...storyCard(links, storyData(s), locale, { canAsk: true }), preview: preview(s.pilotTitle, `${t(locale, OUTCOME_LABEL[s.outcome])} · ${s.practiceName} · ${s.authorName}`) }));
}

/** The search command STORY_SEARCH_COMMAND: stories matching the typed words, newest first. */
export async function storySearch(domain: Domain, links: LinkConfig, caller: Caller, query: MessagingExtensionQuery, locale: Locale = 'en'): Promise<MessagingExtensionResponse> {
  const text = String((query.parameters ?? []).find((p) => p.name === 'searchQuery')?.value ?? '').slice(0, 100);
  const skip = Math.max(0, Math.min(1000, Number(query.queryOptions?.skip) || 0));
  const count = Math.max(1, Math.min(25, Number(query.queryOptions?.count) || 10));
  const items = await storyAttachments(domain, links, caller, text, skip + count, locale);
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: items.slice(skip, skip + count) } };
}
