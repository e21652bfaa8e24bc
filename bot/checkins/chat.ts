import type { Domain } from '../../domain';
import type { Round } from '../../domain/checkins';
import type { Caller } from '../../domain/shared/caller';
import { DomainError } from '../../domain/shared/errors';
import type { Question } from '../../domain/practices';
import type { Log } from '../../platform/log';
import type { Turn } from '../app/turn';
import { cardTime, renderCard, type CardAttachment } from '../cards';
import { t, type Locale } from '../i18n';
import { checkinThanksCard } from './cards';

/** Chat commands about one's own check-ins: pause them, answer in a line. */

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

/** What a quick answer carries: the 1–5 confidence, and optionally a few words of progress. */
export interface QuickAnswer {
  confidence: number;
  note?: string;
}

/** How many open check-ins the "which one?" card lists (Teams shows a handful of buttons). */
const MAX_CHOICES = 5;

/**
 * "4 going well" in a 1:1 answers an open check-in: confidence, plus the text as progress. Only
 * rounds asking a 1–5 confidence question can take it; with one such round open it goes there,
 * with several the person picks one on a card (never whichever happens to sort first).
 */
export async function quickAnswer(domain: Domain, log: Log, turn: Turn, quick: QuickAnswer): Promise<void> {
  const { locale, caller } = turn;
  const now = domain.clock.now();
  const open = (await domain.checkins.openRoundsFor(caller)).filter((r) => now < new Date(r.closesAt));
  const asked = await Promise.all(open.map((round) => askedIn(domain, caller, round)));
  const takers = asked.filter((a) => a.questions.some(isConfidence));
  if (!takers.length) {
    log.warn({ activityId: turn.activity.id, openRounds: open.length }, 'quick answer with no open check-in to take it');
    return turn.say(
      t(locale, open.length ? 'Your open check-in has no 1–5 question, so I cannot file “{n}” in it. Please answer on its card.' : 'You have no check-in open right now. Your next one will arrive on the next check-in day.', { n: quick.confidence }),
    );
  }
  if (takers.length === 1) return turn.show(await recordQuickAnswer(domain, caller, takers[0].round.id, quick, locale));
  await turn.show(
    renderCard(
      'checkinChoice',
      {
        intro: t(locale, 'You have {n} check-ins open. Pick the one your answer “{answer}” is for.', { n: takers.length, answer: quickText(quick) }),
        confidence: String(quick.confidence),
        note: quick.note ?? '',
        rounds: takers.slice(0, MAX_CHOICES).map((a) => ({ roundId: a.round.id, title: a.title, buttonTitle: a.title.slice(0, 80), closesAt: cardTime(a.round.closesAt) })),
      },
      ['roundId', 'note', 'buttonTitle', 'confidence'],
      locale,
    ),
  );
}

/** checkin.quick (the "which check-in?" card) and a quick answer with one round to take it: saves and thanks. */
export async function recordQuickAnswer(domain: Domain, caller: Caller, roundId: string, quick: QuickAnswer, locale: Locale): Promise<CardAttachment> {
  const { round, answer } = await domain.checkins.roundFor(caller, roundId);
  const { questions } = await askedIn(domain, caller, round);
  // Editing keeps the other answers (and the sharing choice) already given on the card.
  const values: Record<string, unknown> = { ...(answer?.values ?? {}), confidence: quick.confidence };
  if (quick.note && questions.some((q) => q.id === 'progress' && q.kind === 'text')) values.progress = quick.note.trim().slice(0, 1000);
  const saved = await domain.checkins.answer(caller, roundId, values, answer?.shareAnonymously ?? false);
  return checkinThanksCard(
    { roundId, pilotTitle: saved.asked.title, closesAt: saved.round.closesAt, open: true, questions: saved.asked.questions, values: saved.answer.values, shared: saved.answer.shareAnonymously },
    locale,
  );
}

/** A quick answer as card data carries it back (confidence 1–5, a short note), or undefined. */
export function quickAnswerOf(data: Record<string, unknown>): QuickAnswer | undefined {
  const confidence = Number(data.confidence);
  if (!Number.isInteger(confidence) || confidence < 1 || confidence > 5) return undefined;
  const note = typeof data.note === 'string' && data.note.trim() ? data.note.slice(0, 1000) : undefined;
  return { confidence, note };
}

const isConfidence = (q: Question) => q.id === 'confidence' && q.kind === 'scale';
const quickText = (quick: QuickAnswer) => (quick.note ? `${quick.confidence} ${quick.note}`.slice(0, 60) : String(quick.confidence));

/** What a round asks: rounds carry their questions; older ones fall back to the pilot's. */
async function askedIn(domain: Domain, caller: Caller, round: Round): Promise<{ round: Round; title: string; questions: Question[] }> {
  if (round.questions && round.pilotTitle) return { round, title: round.pilotTitle, questions: round.questions };
  const { pilot } = await domain.checkins.roundFor(caller, round.id);
  return { round, title: pilot.title, questions: pilot.questions };
}
