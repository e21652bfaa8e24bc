import type { Domain } from '../../domain';
import type { Caller } from '../../domain/shared/caller';
import { DomainError } from '../../domain/shared/errors';
import { problemText } from '../app/errors';
import type { LinkConfig } from '../app/links';
import type { BotDeps, Router } from '../app/router';
import type { Turn } from '../app/turn';
import { messageCard, type CardAttachment } from '../cards';
import { t, type Locale } from '../i18n';
import { PULSE_REFRESH_VERB, pulseCard, pulseThanksCard } from './cards';

/** Keys an Action.Execute carries that are not answers. */
const ACTION_KEYS = new Set(['period', 'verb', 'msteams']);

const periodOf = (data: Record<string, unknown>) => (typeof data.period === 'string' ? data.period.slice(0, 20) : '');
const refreshFor = (turn: Turn): string[] => (turn.activity.from?.id ? [turn.activity.from.id.slice(0, 200)] : []);

/**
 * The managers' pulse in Teams: its card's verbs (answer, edit, refresh) and the `pulse` chat
 * command. Answers are written to the answer's own document, so Teams' retries of a submit write
 * the same answer again and nothing else.
 */
export function registerPulseRoutes(router: Router, { domain, links }: BotDeps): void {
  router
    .command(/^pulse$/i, async (turn) => {
      const mine = await domain.pulse.mine(turn.caller);
      if (!mine.current) return turn.say(t(turn.locale, 'No manager pulse is open for you right now.'));
      await turn.show(await showPulse(domain, links, turn.caller, mine.current.period, turn.locale, { userIds: refreshFor(turn) }));
    }, { personalOnly: true, elsewhere: 'Ask me for your pulse in our 1:1 chat.' })
    .verb('pulse.submit', (turn, data) => submitPulse(domain, links, turn, periodOf(data), data))
    .verb(PULSE_REFRESH_VERB, (turn, data) => showPulse(domain, links, turn.caller, periodOf(data), turn.locale, { mode: 'current', userIds: refreshFor(turn) }))
    // pulse.open (the reminder), pulse.edit (the thanks card): the form while the pulse is open.
    .verbFamily('pulse.', (turn, data) => showPulse(domain, links, turn.caller, periodOf(data), turn.locale, { userIds: refreshFor(turn) }));
}

/** The form while the pulse is open (or, `current`, what was said once answered); what was said once closed. */
async function showPulse(domain: Domain, links: LinkConfig, caller: Caller, period: string, locale: Locale, opts: { mode?: 'form' | 'current'; userIds?: string[] } = {}): Promise<CardAttachment> {
  const { pulse, answer, open } = await domain.pulse.formFor(caller, period);
  if (!open || (answer && opts.mode === 'current')) {
    if (!answer) return messageCard(locale, 'Manager pulse', 'This pulse has closed.');
    return pulseThanksCard(links, { period: pulse.period, closesAt: pulse.closesAt, open, values: answer.values, userIds: opts.userIds }, locale);
  }
  const threshold = await domain.pulse.threshold(caller.tenantId);
  return pulseCard({ period: pulse.period, closesAt: pulse.closesAt, threshold, values: answer?.values, editing: !!answer, userIds: opts.userIds }, locale);
}

async function submitPulse(domain: Domain, links: LinkConfig, turn: Turn, period: string, data: Record<string, unknown>): Promise<CardAttachment> {
  const inputs = Object.fromEntries(Object.entries(data).filter(([k]) => !ACTION_KEYS.has(k)));
  try {
    const { pulse, answer } = await domain.pulse.answer(turn.caller, period, inputs);
    return pulseThanksCard(links, { period: pulse.period, closesAt: pulse.closesAt, open: true, values: answer.values, userIds: refreshFor(turn) }, turn.locale);
  } catch (err) {
    if (!(err instanceof DomainError) || err.kind !== 'validation') throw err;
    const { pulse, answer } = await domain.pulse.formFor(turn.caller, period);
    const values = Object.fromEntries(Object.entries(inputs).filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) as Record<string, string>;
    const problem = t(turn.locale, 'Please check your answers: {problems}.', { problems: err.fields.map((f) => problemText(f, turn.locale)).join('; ') });
    const threshold = await domain.pulse.threshold(turn.caller.tenantId);
    return pulseCard({ period: pulse.period, closesAt: pulse.closesAt, threshold, values, problem, editing: !!answer, userIds: refreshFor(turn) }, turn.locale);
  }
}
