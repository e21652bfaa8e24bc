import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Domain } from '../../domain';
import type { Member, Team } from '../../domain/directory';
import type { OutboxItem } from '../../domain/outbox';
import { localeOf, type Locale } from '../i18n';
import { SendError } from './failed-sends';
import type { SlidingWindowLimiter } from './pacing';
import type { SendGate } from './send-gate';

/** Where a message goes, in whose language, and whether the outbox may keep where it went. */
export interface Resolved {
  reference: Partial<ConversationReference>;
  locale: Locale;
  /** False for anonymous contributors: the outbox must not learn their conversation. */
  record: boolean;
}

/**
 * Finds the conversation a message goes to: a team's or circle's, or a person's 1:1 chat,
 * opened through a team the bot shares with them when there is none yet (that is a request to
 * the tenant too, so it is paced like a send).
 */
export class Conversations {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly domain: Domain,
    /** The tenant's hand-out window (tenant-turn.ts). */
    private readonly perTenant: SlidingWindowLimiter,
    private readonly gate: SendGate,
  ) {}

  /**
   * Undefined when there is nowhere to deliver; throws (403) for a person known to be unreachable,
   * or NoRoom when a chat must be opened and the tenant's window is full (`keepWaiting`: how long
   * the sender may wait for room, as for the message itself).
   */
  async resolve(item: OutboxItem, keepWaiting: () => boolean): Promise<Resolved | undefined> {
    const { tenantId, target } = item;
    if (target.kind === 'team') {
      // A team's channel or chat, or a circle's (typed: nothing else in the directory is a conversation).
      const conversation = await this.domain.directory.conversation(tenantId, target.teamId);
      return conversation?.conversationReference ? { reference: conversation.conversationReference as Partial<ConversationReference>, record: true, locale: localeOf(conversation.locale) } : undefined;
    }
    let userId: string;
    let record = true;
    if (target.kind === 'contact') {
      const contactId = await this.domain.outbox.contactUserId(tenantId, target.feedbackId);
      if (!contactId) return undefined;
      userId = contactId;
      record = false;
    } else userId = target.userId;
    const member = await this.domain.directory.member(tenantId, userId);
    if (!member) return undefined;
    if (member.unreachable) throw new SendError(403, 'member is unreachable');
    const reference = (member.personalConversation as Partial<ConversationReference> | undefined) ?? (await this.openPersonalChat(member, keepWaiting));
    return reference ? { reference, record, locale: localeOf(member.locale) } : undefined;
  }

  /** Opens a 1:1 chat with a member through a conversation the bot shares with them. */
  private async openPersonalChat(member: Member, keepWaiting: () => boolean): Promise<Partial<ConversationReference> | undefined> {
    if (!member.teamsUserId) return undefined;
    let via: Partial<ConversationReference> | undefined;
    for (const teamId of member.teamIds) {
      const team: Team | undefined = await this.domain.directory.findTeam(member.tenantId, teamId);
      if (team?.conversationReference) {
        via = team.conversationReference as Partial<ConversationReference>;
        break;
      }
    }
    const serviceUrl = via?.serviceUrl;
    if (!serviceUrl || !via?.bot) return undefined;
    const bot = via.bot;
    let reference: Partial<ConversationReference> | undefined;
    // Opening the chat is one more request to the tenant: it counts in the tenant's window.
    this.perTenant.record(member.tenantId);
    await this.gate.paced(member.tenantId, keepWaiting, () => this.adapter.createConversationAsync(
      this.appId,
      'msteams',
      serviceUrl,
      '',
      { isGroup: false, bot, members: [{ id: member.teamsUserId, name: member.name }], tenantId: member.tenantId, channelData: { tenant: { id: member.tenantId } } } as never,
      async (context) => {
        reference = TurnContext.getConversationReference(context.activity);
      },
    ));
    if (reference) {
      await this.domain.directory.updateMember(member.tenantId, member.userId, (m) => ({ ...m, personalConversation: reference as Record<string, unknown> }));
    }
    return reference;
  }
}
