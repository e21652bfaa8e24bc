import type { MessagingExtensionAttachment } from 'botbuilder';
import type { Pilot } from '../../domain/pilots';
import { DomainError } from '../../domain/shared/errors';
import { localizedPractice } from '../../domain/practices';
import { ME_COMMANDS, messageText, preview, searchOf } from '../app/message-extension';
import { dialog, dialogMessage, extensionResults, type DialogSize } from '../app/responses';
import type { BotDeps, Router } from '../app/router';
import type { Turn } from '../app/turn';
import { t } from '../i18n';
import { STATUS_LABEL, launchCard, pilotCard, pilotListCard, practiceCard } from './cards';
import { defaultValues, pilotFormCard, submitPilotForm } from './form';

/**
 * Pilots in Teams: "my pilots" and "launch pilot" in chat, the launch form as a dialog (from the
 * chat's button, task/fetch + task/submit) and as a message-extension action (prefilled from a
 * message), the "find pilots and practices" search, and unfurling of the app's pilot links.
 */
const FORM: DialogSize = { width: 'medium', height: 'large' };

export function registerPilotRoutes(router: Router, { domain, links }: BotDeps): void {
  // Pilots' health on cards as disclosure allows (no anonymous counts about a team below k).
  const disclosed = async <P extends Pilot>(turn: Turn, pilots: P[]): Promise<P[]> => {
    const { disclosure } = await domain.disclosure.load(turn.caller.tenantId);
    return pilots.map((p) => disclosure.pilot(p));
  };
  // Opened from a channel or group chat, the form starts on that conversation's team.
  const formDialog = async (turn: Turn, hypothesis = '') => {
    const { locale } = turn;
    const card = await pilotFormCard(domain, turn.caller, { values: defaultValues(domain.clock.now(), { hypothesis, teamId: turn.teamId ?? '' }) }, locale);
    return dialog(t(locale, 'Launch a pilot'), card, FORM);
  };

  router
    .command(/^(?:my pilots|pilots)$/i, async (turn) => {
      const pilots = (await domain.pilots.list(turn.caller)).slice(0, 10);
      await turn.show(pilotListCard(links, pilots, turn.locale));
    })
    .command(/^(?:launch pilot|launch a pilot|new pilot)$/i, (turn) => turn.show(launchCard(turn.locale)));

  // "Find pilots and practices": pilots the caller may see, then library practices. It also
  // answers search command ids nobody else claims.
  router.extension(
    ME_COMMANDS.search,
    {
      query: async (turn, query) => {
        const { locale } = turn;
        const { text, skip, count } = searchOf(query);
        const want = skip + count;
        const [pilots, practices] = await Promise.all([domain.pilots.list(turn.caller, { text, limit: want }).then((ps) => disclosed(turn, ps)), domain.practices.search(turn.caller, text, want)]);
        const items: MessagingExtensionAttachment[] = [
          ...pilots.map((p) => ({ ...pilotCard(links, p, '1.5', locale), preview: preview(p.title, `${t(locale, STATUS_LABEL[p.status])} · ${p.teamName}`) })),
          ...practices.map((p) => ({ ...practiceCard(links, p, locale), preview: preview(localizedPractice(p, locale).name, localizedPractice(p, locale).summary) })),
        ].slice(skip, skip + count);
        return extensionResults(items);
      },
    },
    { defaultSearch: true },
  );

  // The message action: the form prefilled with the message; submitting inserts the pilot's card.
  router.extension(ME_COMMANDS.launchPilot, {
    fetchTask: (turn, action) => formDialog(turn, messageText(action.messagePayload?.body?.content)),
    submitAction: async (turn, action) => {
      const { locale } = turn;
      const result = await submitPilotForm(domain, turn.caller, action.data, locale);
      if (!result.ok) return dialog(t(locale, 'Launch a pilot'), result.card, FORM);
      const card = pilotCard(links, result.pilot, '1.5', locale);
      return extensionResults([{ ...card, preview: preview(result.pilot.title, t(locale, 'Pilot launched')) }]);
    },
  });

  // The app's own shareable pilot links unfurl into the pilot's card.
  router.unfurl(/\/pilots\/([^/?#]+)/, async (turn, match) => {
    const id = decodeURIComponent(match[1]);
    if (!id.startsWith('pilot:')) return extensionResults([]);
    try {
      const [pilot] = await disclosed(turn, [await domain.pilots.get(turn.caller, id)]);
      const card = pilotCard(links, pilot, '1.3', turn.locale);
      return extensionResults([{ ...card, preview: preview(pilot.title, pilot.teamName) }]);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not_found') return extensionResults([]);
      throw err;
    }
  });

  // The chat's "launch pilot" button opens the same form as a dialog.
  router.dialog({
    fetch: (turn) => formDialog(turn),
    submit: async (turn, request) => {
      const { locale } = turn;
      const result = await submitPilotForm(domain, turn.caller, request.data, locale);
      if (!result.ok) return dialog(t(locale, 'Launch a pilot'), result.card, FORM);
      // A retried submit finds the pilot created the first time and does not post it twice.
      if (result.created) await turn.show(pilotCard(links, result.pilot, '1.5', locale));
      const done = result.pilot.status === 'active' ? '“{title}” is launched.' : '“{title}” is saved as a draft.';
      return dialogMessage(t(locale, done, { title: result.pilot.title }));
    },
  });
}
