import type { Domain } from '../../domain';
import { DomainError } from '../../domain/shared/errors';
import { isValidTimeZone } from '../../domain/shared/schedule';
import type { Turn } from '../app/turn';
import { t } from '../i18n';
import { checkinThanksCard } from './cards';

/** Chat commands about one's own check-ins: pause them, set their time zone, answer in a line. */

export async function pauseMe(domain: Domain, turn: Turn, days: number): Promise<void> {
  const { locale } = turn;
  try {
    const until = await domain.checkins.pauseMe(turn.caller, days);
    await turn.say(t(locale, 'Got it: no check-ins for you until after {until}. Welcome back then!', { until }));
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'validation') return turn.say(t(locale, 'You can pause check-ins for 1 to 90 days, e.g. “pause me for 7 days”.'));
    throw err;
  }
}

export async function setTimeZone(domain: Domain, turn: Turn, tz: string): Promise<void> {
  const { locale, caller } = turn;
  if (!isValidTimeZone(tz)) {
    return turn.say(t(locale, "I don't know the time zone “{tz}”. Use a name like Europe/Madrid or America/New_York.", { tz: tz.slice(0, 60) }));
  }
  await domain.directory.updateMember(caller.tenantId, caller.userId, (m) => ({ ...m, timeZone: tz }));
  await turn.say(t(locale, 'Your check-ins now follow {tz} time.', { tz }));
}

/**
 * "4 going well" in a 1:1 answers the open check-in: confidence, plus the text as progress.
 * False when there is no open check-in to answer (the text is then just not understood).
 */
export async function quickAnswer(domain: Domain, turn: Turn, confidence: number, note: string | undefined): Promise<void | false> {
  const { locale, caller } = turn;
  const [round] = await domain.checkins.openRoundsFor(caller);
  if (!round) return false;
  const { pilot, answer } = await domain.checkins.roundFor(caller, round.id);
  const hasConfidence = pilot.questions.some((q) => q.id === 'confidence');
  const hasProgress = pilot.questions.some((q) => q.id === 'progress' && q.kind === 'text');
  if (!hasConfidence) return false;
  const values: Record<string, unknown> = { ...(answer?.values ?? {}), confidence };
  if (note && hasProgress) values.progress = note.trim().slice(0, 1000);
  const saved = await domain.checkins.answer(caller, round.id, values, answer?.shareAnonymously ?? false);
  const card = checkinThanksCard(
    { roundId: round.id, pilotTitle: pilot.title, closesAt: saved.round.closesAt, open: true, questions: pilot.questions, values: saved.answer.values, shared: saved.answer.shareAnonymously },
    locale,
  );
  await turn.show(card);
}
