import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Domain } from '../../domain';
import type { Caller } from '../../domain/shared/caller';
import type { CardAttachment } from '../cards';
import { localeOf, type Locale } from '../i18n';
import { escapeFor } from '../../platform/escape';

/** The Entra tenant and user behind a Teams activity. */
export interface Identity {
  tenantId: string;
  userId: string;
  name: string;
}

/** Who sent the activity, or undefined outside a Teams tenant. Read from the activity only. */
export function activityIdentity(activity: Partial<Activity>): Identity | undefined {
  const tenantId = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const userId = activity.from?.aadObjectId;
  if (!tenantId || !userId) return undefined;
  return { tenantId: String(tenantId), userId: String(userId), name: String(activity.from?.name ?? '') };
}

export async function callerOf(domain: Domain, activity: Partial<Activity>): Promise<Caller | undefined> {
  const who = activityIdentity(activity);
  return who ? domain.directory.resolveCaller(who.tenantId, who.userId, who.name) : undefined;
}

/** The caller as the verified activity names them, with no role beyond `member` (router.ts CallerNeed). */
export function identityCaller(activity: Partial<Activity>): Caller | undefined {
  const who = activityIdentity(activity);
  return who ? { ...who, roles: ['member'] } : undefined;
}

/** Teams' channel data, as far as the bot reads it. */
export interface TeamsChannelData {
  team?: { id?: string; name?: string };
  tenant?: { id?: string };
}

/** The Leaderful team of the group chat or channel an activity came from (none in a 1:1 chat). */
export function teamIdOf(activity: Partial<Activity>): string | undefined {
  const { conversation, channelData } = activity;
  const data = (channelData ?? {}) as TeamsChannelData;
  if (conversation?.conversationType === 'channel' && data.team?.id) return `team:${data.team.id}`;
  if (conversation?.conversationType === 'groupChat' && conversation.id) return `team:${conversation.id}`;
  return undefined;
}

/**
 * One person's request, as every route sees it. The caller was resolved from the activity
 * (tenant and Entra object id), never from anything a card or form carries.
 */
export interface Turn {
  readonly caller: Caller;
  readonly locale: Locale;
  readonly activity: Partial<Activity>;
  /** A 1:1 chat with the bot; anything else is in front of other people. */
  readonly personal: boolean;
  /** The Leaderful team of this group chat or channel. */
  readonly teamId?: string;
  /**
   * Replies in the conversation the activity came from with a sentence already in the reader's
   * words. It is sent as text: whatever it carries (names, titles people chose) is escaped.
   */
  say(text: string): Promise<void>;
  show(card: CardAttachment): Promise<void>;
}

/**
 * A text message as the bot sends it: Teams renders message text as markdown, so the whole text
 * goes through the markdown rule (platform/escape.ts) and says so. The bot's own sentences use no
 * formatting, so nothing is lost; whatever a person wrote inside them stays text.
 */
export function textMessage(text: string): Partial<Activity> {
  return { type: 'message', text: escapeFor('markdown', text), textFormat: 'markdown' };
}

export function turnOf(context: Pick<TurnContext, 'activity' | 'sendActivity'>, caller: Caller): Turn {
  const { activity } = context;
  return {
    caller,
    locale: localeOf(activity.locale),
    activity,
    personal: activity.conversation?.conversationType === 'personal',
    teamId: teamIdOf(activity),
    say: async (text) => void (await context.sendActivity(textMessage(text))),
    show: async (card) => void (await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.content)))),
  };
}

/** A turn with no conversation to reply in (card verbs run on their own answer with a card). */
export function detachedTurn(caller: Caller, locale: Locale): Turn {
  const nowhere = async () => {
    throw new Error('this turn has no conversation to reply in');
  };
  return { caller, locale, activity: {}, personal: false, say: nowhere, show: nowhere };
}
