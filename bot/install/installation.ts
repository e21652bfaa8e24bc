import { CardFactory, MessageFactory, TeamsInfo, TurnContext, type ChannelAccount, type TeamsChannelAccount } from 'botbuilder';
import type { Domain } from '../../domain';
import type { Log } from '../../platform/log';
import { activityIdentity, teamIdOf, textMessage, type Identity, type TeamsChannelData } from '../app/turn';
import { renderCard } from '../cards';
import { deviceTimeZone, deviceZoneHint } from '../checkins/time-zone';
import { localeOf, t } from '../i18n';

/**
 * Where the bot lives and who is there. On install in a team or group chat it stores the
 * conversation reference and reads the roster through the paged members API; a Teams team's
 * managers are its owners in Teams (read from Microsoft Graph through the team's Microsoft 365
 * group) plus anyone an admin names, never simply whoever installed the app (rights per team, see
 * domain/directory/rights.ts: no role is granted tenant-wide). A tenant's first install starts its
 * first organisation sync. Member added/removed events keep the roster current. In a personal chat
 * it stores the 1:1 conversation so check-ins can reach the person.
 */
export class Installation {
  constructor(
    private readonly domain: Domain,
    private readonly log: Log,
  ) {}

  async membersAdded(context: TurnContext, who: Identity): Promise<void> {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    const scope = context.activity.conversation?.conversationType ?? 'personal';
    if (added.some((m) => m.id === botId)) {
      if (scope === 'personal') await this.installPersonal(context, who.tenantId);
      else await this.installInTeam(context, who.tenantId, who.userId);
      const locale = localeOf(context.activity.locale);
      const card = renderCard(
        'welcome',
        {
          text: t(
            locale,
            scope === 'personal'
              ? 'I will send your check-ins here, at your local time, and bring back answers to feedback you give.'
              : 'I help this team try new leadership practices: launch a pilot, check in together, celebrate progress and close the loop on feedback.',
          ),
        },
        [],
        locale,
      );
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.content)));
      return;
    }
    const teamId = teamIdOf(context.activity);
    if (!teamId) return;
    const people = added.filter((m) => m.id !== botId);
    const ids: string[] = [];
    for (const m of people) {
      const full = await this.describe(context, m);
      if (!full?.aadObjectId) continue;
      await this.domain.directory.upsertMember(who.tenantId, { userId: full.aadObjectId, teamsUserId: full.id, name: full.name ?? 'Team member', email: full.email ?? undefined }, teamId);
      ids.push(full.aadObjectId);
    }
    if (ids.length) await this.domain.directory.setTeamMembers(who.tenantId, teamId, ids, []);
  }

  async membersRemoved(context: TurnContext, who: Identity): Promise<void> {
    const teamId = teamIdOf(context.activity);
    if (!teamId) return;
    const ids = (context.activity.membersRemoved ?? []).map((m) => m.aadObjectId).filter((x): x is string => !!x);
    if (ids.length) await this.domain.directory.setTeamMembers(who.tenantId, teamId, [], ids);
  }

  /**
   * Remembers a person's 1:1 chat, language and the time zone their device reports whenever they
   * write to the bot there. The device zone is what check-ins follow until the person chooses
   * one; after that it is only a hint, offered once each time the device reports a new zone.
   */
  async notePersonalChat(context: TurnContext, who: Identity): Promise<void> {
    if (context.activity.conversation?.conversationType !== 'personal') return;
    const member = await this.domain.directory.member(who.tenantId, who.userId);
    const device = deviceTimeZone(context.activity);
    const locale = context.activity.locale?.slice(0, 20);
    const known = (member?.personalConversation as { conversation?: { id?: string } } | undefined)?.conversation?.id;
    const newDevice = !!device && device !== (member?.deviceTimeZone ?? member?.timeZone);
    if (member && known === context.activity.conversation.id && !newDevice && (!locale || locale === member.locale) && !member.unreachable) return;
    const updated = await this.domain.directory.upsertMember(who.tenantId, {
      userId: who.userId,
      teamsUserId: context.activity.from.id,
      name: who.name,
      deviceTimeZone: device,
      locale,
      personalConversation: TurnContext.getConversationReference(context.activity) as Record<string, unknown>,
    });
    if (newDevice && updated.timeZoneChosen && device !== updated.timeZone) {
      await context.sendActivity(textMessage(deviceZoneHint(localeOf(context.activity.locale), device!, updated.timeZone)));
    }
  }

  private async installPersonal(context: TurnContext, tenantId: string): Promise<void> {
    const from = context.activity.from;
    if (!from.aadObjectId) return;
    await this.domain.directory.upsertMember(tenantId, {
      userId: from.aadObjectId,
      teamsUserId: from.id,
      name: from.name ?? 'Teams user',
      personalConversation: TurnContext.getConversationReference(context.activity) as Record<string, unknown>,
    });
  }

  private async installInTeam(context: TurnContext, tenantId: string, installerId: string): Promise<void> {
    const teamId = teamIdOf(context.activity);
    if (!teamId) return;
    const { conversation, channelData } = context.activity;
    const data = (channelData ?? {}) as TeamsChannelData;
    const roster = await this.roster(context);
    // The installer is one of the team (check-ins, facilitator turns) whether or not the roster
    // lists them; managing it is for its owners in Teams and whoever an admin names.
    const memberIds = new Set<string>([installerId]);
    for (const m of roster) {
      if (!m.aadObjectId) continue;
      await this.domain.directory.upsertMember(tenantId, { userId: m.aadObjectId, teamsUserId: m.id, name: m.name ?? 'Team member', email: m.email ?? undefined }, teamId);
      memberIds.add(m.aadObjectId);
    }
    if (!roster.some((m) => m.aadObjectId === installerId)) {
      const who = activityIdentity(context.activity)!;
      await this.domain.directory.upsertMember(tenantId, { userId: installerId, teamsUserId: context.activity.from.id, name: who.name }, teamId);
    }
    const isChannel = conversation.conversationType === 'channel';
    await this.domain.directory.upsertTeam(tenantId, {
      id: teamId,
      name: data.team?.name ?? conversation.name ?? 'Group chat',
      kind: isChannel ? 'channel' : 'groupChat',
      teamsTeamId: data.team?.id,
      aadGroupId: isChannel ? await this.groupIdOf(context) : undefined,
      channelId: isChannel ? conversation.id : undefined,
      conversationId: conversation.id,
      serviceUrl: context.activity.serviceUrl,
      conversationReference: TurnContext.getConversationReference(context.activity) as Record<string, unknown>,
      memberIds: [...memberIds],
      installedAt: this.domain.clock.now().toISOString(),
      locale: context.activity.locale?.slice(0, 20),
    });
    const owners = await this.domain.org.readTeamOwners(tenantId, teamId);
    await this.domain.org.startIfNever(tenantId);
    this.log.info({ teamId, members: memberIds.size, owners }, 'installed in team');
  }

  /** The Microsoft 365 group behind a Teams team: in the install event, else from Teams. */
  private async groupIdOf(context: TurnContext): Promise<string | undefined> {
    const fromEvent = (context.activity.channelData as { team?: { aadGroupId?: string } } | undefined)?.team?.aadGroupId;
    if (fromEvent) return fromEvent;
    try {
      return (await TeamsInfo.getTeamDetails(context)).aadGroupId ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** The whole roster, page by page (Teams caps pages; large teams need several calls). */
  private async roster(context: TurnContext): Promise<TeamsChannelAccount[]> {
    const all: TeamsChannelAccount[] = [];
    let token: string | undefined;
    do {
      const page = await TeamsInfo.getPagedMembers(context, 500, token);
      all.push(...page.members);
      token = page.continuationToken || undefined;
    } while (token && all.length < 10_000);
    return all;
  }

  private async describe(context: TurnContext, m: ChannelAccount): Promise<TeamsChannelAccount | undefined> {
    if (m.aadObjectId && m.name) return m as TeamsChannelAccount;
    try {
      return await TeamsInfo.getMember(context, m.id);
    } catch {
      return m.aadObjectId ? (m as TeamsChannelAccount) : undefined;
    }
  }
}
