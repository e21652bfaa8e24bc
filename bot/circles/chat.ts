import type { Domain } from '../../domain';
import { circleInputSchema, type Circle } from '../../domain/circles';
import { parseInput } from '../../domain/shared/validation';
import type { LinkConfig } from '../app/links';
import type { Turn } from '../app/turn';
import { t } from '../i18n';
import { circleCard, joinCard } from './cards';

/** Circle commands in a group chat or channel: start one, see it, join, leave, nominate, elections. */

const NOT_HERE = 'Circles live in group chats and channels: add me to one and type “start circle <name>” there.';

/** Strips Teams mention markup from a name typed after a command ("nominate <at>Ana</at>"). */
const plainName = (text: string) => text.replace(/<\/?at>/gi, '').replace(/^@/, '').trim();

/** The circle of this conversation, or undefined after telling the person there is none. */
async function here(domain: Domain, turn: Turn): Promise<Circle | undefined> {
  const { locale } = turn;
  const circle = turn.teamId ? await domain.circles.forConversation(turn.caller.tenantId, turn.teamId) : undefined;
  if (!circle) await turn.say(t(locale, turn.personal ? 'Circles live in group chats and channels: add me to one and type “start circle <name>” there.' : 'There is no circle in this chat yet. Type “start circle <name>” to start one.'));
  return circle;
}

export async function startCircle(domain: Domain, links: LinkConfig, turn: Turn, typed: string): Promise<void> {
  const { locale, caller, teamId } = turn;
  const name = plainName(typed);
  if (turn.personal || !teamId) return turn.say(t(locale, NOT_HERE));
  if (!name) return turn.say(t(locale, 'Give your circle a name, e.g. “start circle Leading hybrid teams”.'));
  const { circle, created } = await domain.circles.start(caller, parseInput(circleInputSchema, { teamId, name: name.slice(0, 200) }));
  await turn.show(await circleCard(domain, links, caller, circle, locale, { status: created ? t(locale, 'The circle has started. First job: elect its convenor.') : t(locale, 'This chat already has a circle.') }));
}

/** The circle card (ballot included), or the offer to join for someone not in it yet. */
export async function showCircle(domain: Domain, links: LinkConfig, turn: Turn): Promise<void> {
  const circle = await here(domain, turn);
  if (!circle) return;
  const joinable = await domain.circles.joinable(turn.caller, circle.id);
  await turn.show(joinable ? joinCard(links, joinable, turn.locale) : await circleCard(domain, links, turn.caller, await domain.circles.get(turn.caller, circle.id), turn.locale));
}

export async function joinCircle(domain: Domain, turn: Turn): Promise<void> {
  const { locale, caller } = turn;
  const circle = await here(domain, turn);
  if (!circle) return;
  const joined = await domain.circles.join(caller, circle.id);
  await turn.say(t(locale, 'Welcome to “{name}”, {person}.', { name: joined.name, person: caller.name }));
}

export async function leaveCircle(domain: Domain, turn: Turn): Promise<void> {
  const { locale } = turn;
  const circle = await here(domain, turn);
  if (!circle) return;
  await domain.circles.leave(turn.caller, circle.id);
  await turn.say(t(locale, 'You have left “{name}”.', { name: circle.name }));
}

/** "nominate me", "nominate Ana", "nominate @Ana": by mention, exact name, or unique prefix. */
export async function nominate(domain: Domain, turn: Turn, typed: string): Promise<void> {
  const { locale, caller, activity } = turn;
  const circle = await here(domain, turn);
  if (!circle) return;
  const wanted = plainName(typed);
  let nomineeId: string | undefined;
  if (/^(me|myself)$/i.test(wanted)) nomineeId = caller.userId;
  else {
    const members = await domain.directory.membersByIds(caller.tenantId, circle.memberIds);
    const mentioned = (activity.entities ?? [])
      .filter((e) => e.type === 'mention' && e.mentioned?.id !== activity.recipient?.id)
      .map((e) => String((e.mentioned as { id?: string } | undefined)?.id ?? ''));
    const byMention = members.filter((x) => x.teamsUserId && mentioned.includes(x.teamsUserId));
    const exact = members.filter((x) => x.name.toLowerCase() === wanted.toLowerCase());
    const prefix = members.filter((x) => x.name.toLowerCase().startsWith(wanted.toLowerCase()));
    const found = byMention.length === 1 ? byMention : exact.length === 1 ? exact : prefix;
    if (found.length !== 1) return turn.say(t(locale, found.length ? 'Several members match “{name}”: type their full name.' : 'Nobody in this circle is called “{name}”.', { name: wanted.slice(0, 60) }));
    nomineeId = found[0].userId;
  }
  const updated = await domain.circles.nominate(caller, circle.id, nomineeId);
  const nominee = updated.election?.nominees.find((n) => n.userId === nomineeId);
  await turn.say(t(locale, '{name} is nominated. Type “ballot” to vote.', { name: nominee?.name ?? wanted }));
}

/** Closes the open election early, or calls one; shows the circle as it now stands. */
export async function election(domain: Domain, links: LinkConfig, turn: Turn, change: 'close' | 'open'): Promise<void> {
  const circle = await here(domain, turn);
  if (!circle) return;
  const changed = change === 'close' ? await domain.circles.closeElection(turn.caller, circle.id) : await domain.circles.openElection(turn.caller, circle.id);
  await turn.show(await circleCard(domain, links, turn.caller, changed, turn.locale));
}
