import type { BotDeps, Router } from '../app/router';
import type { Turn } from '../app/turn';
import { tabHomeLink, type LinkConfig } from '../app/links';
import { renderCard } from '../cards';
import { t } from '../i18n';
import { CIRCLE_COMMANDS, COMMANDS } from './commands';

/** "help" (or nothing but a mention) shows what the bot can do; so does anything it did not understand. */
export function registerHelpRoutes(router: Router, { links }: BotDeps): void {
  router
    .command(/^(?:help)?$/i, (turn) => showHelp(turn, links, ''))
    .otherwise((turn, text) => {
      const { locale } = turn;
      return showHelp(turn, links, t(locale, "Sorry, I didn't understand “{text}”.", { text: text.slice(0, 60) }));
    });
}

function showHelp(turn: Turn, links: LinkConfig, intro: string): Promise<void> {
  const { locale } = turn;
  const commands = [...COMMANDS, ...CIRCLE_COMMANDS].map((c) => ({ name: c.name, description: t(locale, c.description) }));
  return turn.show(renderCard('help', { intro, commands, tabUrl: tabHomeLink(links) }, [], locale));
}
