import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import type { Domain } from '../domain';
import type { Caller } from '../domain/model';
import { renderCard } from './cards';
import { pilotTabLink, tabHomeLink, type LinkConfig } from './links';

/** Chat commands: what people type to the bot in a 1:1, group chat or channel. */
export const COMMANDS = [
  { name: 'my pilots', description: 'List the pilots you run or take part in' },
  { name: 'launch pilot', description: 'Start a new leadership-practice pilot' },
  { name: 'help', description: 'Show what Leaderful can do' },
];

const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft', active: 'Active', paused: 'Paused', in_review: 'In review', adopted: 'Adopted', adapted: 'Adapted', stopped: 'Stopped',
};

export function normaliseCommand(context: TurnContext): string {
  const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return text.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 200);
}

export class ChatCommands {
  constructor(
    private readonly domain: Domain,
    private readonly links: LinkConfig,
  ) {}

  async handle(context: TurnContext, caller: Caller): Promise<void> {
    const command = normaliseCommand(context);
    switch (command) {
      case 'my pilots':
      case 'pilots':
        return this.myPilots(context, caller);
      case 'launch pilot':
      case 'launch a pilot':
      case 'new pilot':
        return this.launch(context);
      case 'help':
      case '':
        return this.help(context);
      default:
        return this.help(context, `Sorry, I didn't understand “${command.slice(0, 60)}”.`);
    }
  }

  async help(context: TurnContext, intro = ''): Promise<void> {
    const card = renderCard('help', { intro, commands: COMMANDS, tabUrl: tabHomeLink(this.links) });
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.content)));
  }

  /** A button that opens the launch form as a dialog (task/fetch). */
  private async launch(context: TurnContext): Promise<void> {
    const card = renderCard('launch', {});
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.content)));
  }

  private async myPilots(context: TurnContext, caller: Caller): Promise<void> {
    const pilots = (await this.domain.pilots.list(caller)).slice(0, 10);
    const card = renderCard('pilotList', {
      heading: 'Your pilots',
      empty: 'No pilots yet. Type “launch pilot” to start one.',
      pilots: pilots.map((p) => ({
        title: p.title,
        subtitle: `${STATUS_LABEL[p.status]} · ${p.teamName} · ${p.practiceName}`,
        url: pilotTabLink(this.links, p.id),
      })),
    });
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.content)));
  }
}
