import { ME_COMMANDS, messageText } from '../app/message-extension';
import type { BotDeps, Router } from '../app/router';
import { t } from '../i18n';
import { openKudos, submitKudos } from './kudos';

/** Celebrations in Teams: "celebrations on/off" in chat, and the "Give kudos" message action. */
export function registerCelebrationRoutes(router: Router, { domain, links }: BotDeps): void {
  router.command(/^celebrations? (on|off)$/i, async (turn, m) => {
    const { locale } = turn;
    const optOut = m[1].toLowerCase() === 'off';
    await domain.celebrations.setOptOut(turn.caller, optOut);
    await turn.say(t(locale, optOut ? 'Done: celebrations of you will come to you privately, never in the team.' : 'Done: your team can celebrate you again.'));
  });

  router.extension(ME_COMMANDS.giveKudos, {
    fetchTask: (turn, action) => openKudos(domain, turn, messageText(action.messagePayload?.body?.content)),
    submitAction: (turn, action) => submitKudos(domain, links, turn, action),
  });
}
