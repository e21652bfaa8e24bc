import { CardFactory, MessageFactory, TeamsActivityHandler, type TurnContext } from 'botbuilder';
import type { Domain } from '../domain';
import type { Log } from '../server/log';
import { activityIdentity, callerOf } from './caller';
import { renderCard } from './cards';
import { ChatCommands } from './chat';
import type { LinkConfig } from './links';

/**
 * Leaderful's bot: routes Teams activities to the handler module of each surface. Every activity
 * is processed once per id (Teams retries), and the caller is resolved from the activity itself.
 */
export class LeaderfulBot extends TeamsActivityHandler {
  private readonly chat: ChatCommands;

  constructor(
    private readonly domain: Domain,
    private readonly log: Log,
    links: LinkConfig,
  ) {
    super();
    this.chat = new ChatCommands(domain, links);

    this.onMessage(async (context, next) => {
      const caller = await callerOf(domain, context.activity);
      if (!caller) {
        await context.sendActivity('Leaderful works inside a Microsoft Teams organisation. Please message me from Teams.');
      } else {
        await this.chat.handle(context, caller);
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) {
        const card = renderCard('welcome', {
          text: 'I help your team try new leadership practices: launch a pilot, check in together, celebrate progress and close the loop on feedback.',
        });
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.content)));
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const { id, type } = context.activity;
    const who = activityIdentity(context.activity);
    // Invokes answer in the HTTP response and are idempotent by design; messages and events
    // are recorded so a retried delivery does not post twice.
    const dedupe = !!(id && who && type !== 'invoke');
    if (dedupe && !(await this.domain.activities.firstSight(who!.tenantId, id!))) {
      this.log.info({ activityId: id, type }, 'duplicate activity ignored');
      return;
    }
    try {
      await super.run(context);
    } catch (err) {
      if (dedupe) await this.domain.activities.forget(who!.tenantId, id!).catch(() => undefined);
      throw err;
    }
  }
}
