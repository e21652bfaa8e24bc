import type { Domain } from '../../domain';
import type { Circle } from '../../domain/circles';
import type { Caller } from '../../domain/shared/caller';
import { str } from '../app/data';
import { entityLink, type LinkConfig } from '../app/links';
import type { NotificationCards } from '../app/notifications';
import { cardTime, renderCard, type CardAttachment } from '../cards';
import { withRefresh } from '../cards/refresh';
import { t, words, type Locale } from '../i18n';

/**
 * Leadership circles' cards: the circle with its election (ballot, result), the offer to join,
 * and the update card of the outbox kind `circle_update` (elections, results, nominations,
 * stories built on), which story notifications share.
 */
const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');

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
      candidates: open ? view.members.filter((m) => !excluded.has(m.id)).map((m) => ({ name: m.name ?? words(locale).word('person.former_member'), value: m.id })) : [],
      rule: open ? words(locale).word('circle.rule.ballot') + (excluded.size ? ` ${words(locale).word('circle.rule.outgoing_rotates')}` : '') : '',
      canClose: view.can.closeElection,
      canJoin: false,
      url: entityLink(links, circle.id),
    },
    ['nominees', 'candidates'],
    locale,
  );
}

/** Offered to someone in the circle's conversation who has not joined it. */
export function joinCard(links: LinkConfig, circle: Circle, locale: Locale): CardAttachment {
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
    [],
    locale,
  );
}

/** The update card of circle and story notifications (only the slots given are shown). */
export function updateCard(v: Record<string, unknown>, locale: Locale): CardAttachment {
  return renderCard(
    'circleUpdate',
    { heading: '', label: '', text: '', quote: '', facts: [], dueLabel: '', dueAt: '', circleId: '', showBallot: false, showWithdraw: false, chatTitle: '', chatUrl: '', url: '', ...v },
    [],
    locale,
  );
}

/** `circle_update`: an election opened, a convenor elected, a nomination, a story built on. */
export function circleUpdateCard(links: LinkConfig, data: Record<string, unknown>, locale: Locale = 'en'): CardAttachment {
  const update = (v: Record<string, unknown>) => updateCard(v, locale);
  const event = str(data.event, 40);
  const circleId = str(data.circleId, 200);
  const w = words(locale);
  if (event === 'election') {
    const why =
      data.reason === 'first'
        ? w.word('circle.election.first', { name: str(data.circleName), count: Number(data.memberCount) || 0 })
        : w.word(data.reason === 'term_ended' ? 'circle.election.term_ended' : 'circle.election.requested', { name: str(data.convenorName) });
    // Opened by a member later, it shows the ballot as it stands (circle.ballot only reads).
    return withRefresh(update({
      heading: t(locale, 'Elect the convenor of “{name}”', { name: str(data.circleName) }),
      text: `${why} ${t(locale, 'Nominate someone (yourself included) and vote.')} ${w.word('circle.rule.ballot')}${data.rotates ? ` ${w.word('circle.rule.outgoing_rotates')}` : ''}`,
      dueLabel: t(locale, 'The election closes'),
      dueAt: cardTime(str(data.closesAt, 40)),
      circleId,
      showBallot: true,
      url: entityLink(links, circleId),
    }), 'circle.ballot', { circleId }, data.userIds);
  }
  if (event === 'elected') {
    const winner = str(data.winnerName);
    const rule = data.rule === 'votes' || data.rule === 'tie_break' || data.rule === 'continued' ? data.rule : 'rotation';
    const how = w.word(`circle.result.${rule}`, { name: winner, count: Number(data.votesCast) || 0 });
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

/** The outbox kind circles queue. */
export const CIRCLE_CARDS: NotificationCards = {
  circle_update: (data, links, locale) => circleUpdateCard(links, data, locale),
};
