import type { Celebrations } from '../celebrations/celebrations';
import type { Directory } from '../directory/directory';
import type { Outbox } from '../outbox/outbox';
import { effectiveThreshold, shownMean } from '../anonymity';
import { deriveHealth } from '../pilots/health';
import type { RoundFigures } from '../pilots/model';
import type { PilotRepository } from '../pilots/repository';
import type { Answer, Round, RoundSummary } from './model';
import type { CheckinRepository } from './repository';
import { EARLY_CLOSE_WAIT_MS } from './answerable';

/** Closed rounds' figures kept on the pilot (its health and the leader views read them). */
const KEEP_FIGURES = 12;

export type { RoundSummary } from './model';

/**
 * A round's figures: k per statistic, so each question's average is over at least k people who
 * answered that question, or withheld. Pure; what reaches health, portfolio, signals and cards.
 */
export function roundFigures(round: Pick<Round, 'date' | 'invited' | 'questions'>, answers: Pick<Answer, 'values'>[], k: number): RoundFigures {
  const stat = (key: string) => {
    const values = answers.map((a) => a.values[key]).filter((v): v is number => typeof v === 'number');
    const mean = shownMean(values, k);
    return { mean, n: mean === null ? 0 : values.length };
  };
  const [confidence, autonomy, workload] = [stat('confidence'), stat('autonomy'), stat('workload')];
  return {
    date: round.date,
    invited: round.invited.length,
    answered: answers.length,
    confidence: confidence.mean,
    autonomy: autonomy.mean,
    workload: workload.mean,
    counts: { confidence: confidence.n, autonomy: autonomy.n, workload: workload.n },
    ...scaleFigures(round, stat),
  };
}

/** Every scale question's own trend, keyed by its stable id (reworded questions keep theirs), k per question. */
function scaleFigures(round: Pick<Round, 'questions'>, stat: (key: string) => { mean: number | null; n: number }): Pick<RoundFigures, 'scales' | 'scaleCounts'> {
  const ids = (round.questions ?? []).filter((q) => q.kind === 'scale').map((q) => q.id);
  if (!ids.length) return {};
  const stats = ids.map((id) => [id, stat(id)] as const);
  return { scales: Object.fromEntries(stats.map(([id, s]) => [id, s.mean])), scaleCounts: Object.fromEntries(stats.map(([id, s]) => [id, s.n])) };
}

export type RoundClosedHook = (tenantId: string, roundId: string) => Promise<unknown>;

/** Closing a round: its figures, the pilot's health, the summary, celebrations and what follows. */
export class RoundClosing {
  private readonly closedHooks: RoundClosedHook[] = [];

  constructor(
    private readonly rounds: CheckinRepository,
    private readonly pilots: PilotRepository,
    private readonly directory: Directory,
    private readonly outbox: Outbox,
    private readonly celebrations: Celebrations,
  ) {}

  onClosed(hook: RoundClosedHook): void {
    this.closedHooks.push(hook);
  }

  /** Closes a round once (ETag), rolls its figures into the pilot, and queues summary and celebrations. */
  async close(round: Round, early = false): Promise<void> {
    // First, so that answers in any process are refused from here on (before the answers are read).
    if (round.status === 'open') await this.rounds.markClosed(round);
    // Before its time (the meeting view): until every answering process has read the mark.
    if (early && round.status === 'open') await new Promise((r) => setTimeout(r, EARLY_CLOSE_WAIT_MS));
    const answers = await this.rounds.answersTo(round);
    const settings = await this.directory.settings(round.tenantId);
    const threshold = effectiveThreshold(settings.anonymityThreshold);
    const figures = roundFigures(round, answers, threshold);
    const shown = answers.length >= threshold;
    let closedNow = false;
    await this.rounds.updateRound(round.tenantId, round.id, (r) => {
      if (r.status === 'closed') return undefined;
      closedNow = true;
      return { ...r, status: 'closed', figures, answered: answers.map((a) => a.userId).sort() };
    });
    if (!closedNow) return;

    let previous: RoundFigures | undefined;
    const pilot = await this.pilots.update(round.tenantId, round.pilotId, (p) => {
      const history = p.roundFigures ?? [];
      previous = history[history.length - 1];
      const roundFigures = [...history, figures].slice(-KEEP_FIGURES);
      const health = deriveHealth(roundFigures, p.health.openFeedback);
      // Feedback-age signals are kept current by the feedback flow; keep them.
      health.signals.push(...p.health.signals.filter((s) => s.kind === 'neglected_feedback'));
      return { ...p, roundFigures, health: { ...health, rounds: (p.health.rounds ?? 0) + 1 } };
    });
    if (!pilot) return;

    const facilitator = round.facilitatorId ? await this.directory.member(round.tenantId, round.facilitatorId) : undefined;
    const blockerQuestion = pilot.questions.find((q) => q.id === 'blocker');
    const blockers = blockerQuestion
      ? answers
          .map((a) => a.values[blockerQuestion.id])
          .filter((v): v is string => typeof v === 'string' && v.trim().length > 0)
          .sort() // sorted, not in answer order: order would hint at who wrote what
      : [];
    const summary: RoundSummary = {
      pilotId: pilot.id,
      pilotTitle: pilot.title,
      roundId: round.id,
      date: round.date,
      number: round.number,
      invited: figures.invited,
      answered: figures.answered,
      confidence: figures.confidence,
      previousConfidence: previous?.confidence ?? null,
      blockers: shown ? blockers : [],
      facilitatorId: facilitator?.userId,
      facilitatorName: facilitator?.name,
      threshold,
    };
    // Kept on the round: cards opened later and the meeting panel show it as it was decided here.
    await this.rounds.updateRound(round.tenantId, round.id, (r) => ({ ...r, summary }));
    await this.outbox.enqueue(round.tenantId, `summary:${round.id}`, 'round_summary', { kind: 'team', teamId: round.teamId }, { ...summary });
    await this.redrawCards(round, summary);
    if (facilitator) {
      await this.outbox.enqueue(round.tenantId, `handoff:${round.id}`, 'facilitator_handoff', { kind: 'user', userId: facilitator.userId }, { ...summary });
    }
    await this.celebrations.afterRound(pilot, round);
    for (const hook of this.closedHooks) await hook(round.tenantId, round.id);
  }

  /**
   * The prompts and reminders sent for the round are redrawn in place as closed, with the
   * summary; ones not sent yet are withdrawn. Keys name the state, so this happens once.
   */
  private async redrawCards(round: Round, summary: RoundSummary): Promise<void> {
    for (const userId of round.prompted) {
      const member = await this.directory.member(round.tenantId, userId);
      const data = { roundId: round.id, pilotId: round.pilotId, pilotTitle: summary.pilotTitle, summary: { ...summary }, userIds: member?.teamsUserId ? [member.teamsUserId] : [] };
      for (const sent of [`prompt:${round.id}:${userId}`, ...(round.reminded.includes(userId) ? [`remind:${round.id}:${userId}`] : [])]) {
        await this.outbox.cancelPending(round.tenantId, sent);
        await this.outbox.enqueueUpdate(round.tenantId, `closed:${sent}`, sent, 'checkin_closed', { kind: 'user', userId }, data);
      }
    }
  }
}
