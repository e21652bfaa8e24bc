import { randomUUID } from 'node:crypto';
import { addWeeks, type RosterTeam, type Scope } from '../anonymity';
import { isoDay, type Clock } from '../shared/clock';
import type { Directory } from '../directory/directory';
import { DomainError, conflict, invalid, problem } from '../shared/errors';
import type { Coded, NoticeCode } from '../shared/codes';
import type { Caller } from '../shared/caller';
import type { Pilots } from '../pilots/pilots';
import type { RateLimits } from '../shared/rate-limits';
import type { NewDoc } from '../ports/store';
import type { ContextLoader, Ctx } from './context';
import { FEEDBACK_TOPICS, type FeedbackItem, type FeedbackTopic } from './model';
import type { FeedbackRepository } from './repository';
import type { PilotRollups } from './rollups';
import { FEEDBACK_TEXT_MAX, type FeedbackInput } from './schemas';
import { contributorView, type ContributorView } from './views';

/** The caller's manager: their member record's, else the manager of a team they are a member of. */
function managerOf(caller: Caller, ctx: Ctx, preferTeamId?: string): { managerId?: string; teamId?: string } {
  const mine = ctx.roster.teams.filter((t) => t.memberIds.includes(caller.userId) && t.managerId && t.managerId !== caller.userId);
  const preferred = mine.find((t) => t.id === preferTeamId);
  const declared = ctx.members.get(caller.userId)?.managerId;
  if (preferred && (!declared || preferred.managerId === declared)) return { managerId: preferred.managerId, teamId: preferred.id };
  if (declared && declared !== caller.userId) return { managerId: declared, teamId: mine.find((t) => t.managerId === declared)?.id };
  const first = [...mine].sort((a, b) => a.id.localeCompare(b.id))[0];
  return { managerId: first?.managerId, teamId: first?.id };
}

/** The team feedback to leaders is attributed to: the pilot's, if the caller is in it. */
function homeTeam(caller: Caller, ctx: Ctx, pilotTeamId?: string): string | undefined {
  const inTeam = (t: RosterTeam) => t.memberIds.includes(caller.userId) || t.managerId === caller.userId;
  const pilotTeam = ctx.roster.team(pilotTeamId);
  if (pilotTeam && inTeam(pilotTeam)) return pilotTeam.id;
  const teams = [...ctx.roster.teams].sort((a, b) => a.id.localeCompare(b.id));
  return (teams.find((t) => t.memberIds.includes(caller.userId)) ?? teams.find(inTeam))?.id;
}

/** What someone giving feedback should know about where it went (worded by each face). */
export type Notice = Coded<NoticeCode>;

/** What the "give feedback" forms offer: topics as codes, the caller's manager (named when known). */
export interface FormOptions {
  threshold: number;
  topics: FeedbackTopic[];
  manager?: { id: string; name?: string };
  pilots: { id: string; title: string }[];
}

export interface GiveOptions {
  source?: 'direct' | 'checkin';
  teamHint?: string;
  /** Shared check-in answers: composed into the text at read time (see views.textOf). */
  checkin?: FeedbackItem['checkin'];
}

/** Giving feedback: directly, or as check-in answers shared with leaders. */
export class Intake {
  constructor(
    private readonly repo: FeedbackRepository,
    private readonly contexts: ContextLoader,
    private readonly directory: Directory,
    private readonly pilots: Pilots,
    private readonly rollups: PilotRollups,
    private readonly clock: Clock,
    private readonly limits: RateLimits,
  ) {}

  /** What the "give feedback" forms offer this caller. */
  async formOptions(caller: Caller): Promise<FormOptions> {
    const ctx = await this.contexts.load(caller.tenantId);
    const { managerId } = managerOf(caller, ctx);
    const pilots = (await this.pilots.list(caller, { limit: 100 })).filter((p) => ['active', 'paused', 'in_review'].includes(p.status)).slice(0, 25);
    return {
      threshold: ctx.k,
      topics: [...FEEDBACK_TOPICS],
      manager: managerId ? { id: managerId, name: ctx.members.get(managerId)?.name } : undefined,
      pilots: pilots.map((p) => ({ id: p.id, title: p.title })),
    };
  }

  /**
   * Records feedback. `requestKey` (Idempotency-Key, a card's request id) makes a retried
   * request return the item created the first time. Nothing is written unless every check passes.
   */
  async give(caller: Caller, input: FeedbackInput, requestKey?: string, opts: GiveOptions = {}): Promise<{ item: ContributorView; created: boolean; notices: Notice[] }> {
    const source = opts.source ?? 'direct';
    // Shared check-in answers are the system's doing, not the person's: only direct items count.
    if (source === 'direct') this.limits.consume('feedback', `${caller.tenantId}|${caller.userId}`);
    const teamHint = opts.teamHint;
    const ctx = await this.contexts.load(caller.tenantId);
    const pilot = input.pilotId ? await this.pilots.teamPilot(caller, input.pilotId) : undefined;
    let audience = input.audience;
    let ownerId: string | undefined;
    let teamId: string | undefined;
    if (audience === 'manager') {
      const found = managerOf(caller, ctx, pilot?.teamId ?? teamHint);
      if (!found.managerId) {
        throw invalid([problem('audience', 'feedback.no_manager')]);
      }
      ownerId = found.managerId;
      teamId = found.teamId;
    } else {
      teamId = homeTeam(caller, ctx, pilot?.teamId ?? teamHint);
    }
    let scope: Scope = ctx.roster.home(caller.userId, teamId);
    let rerouted = false;
    const notices: Notice[] = [];
    if (input.anonymous) {
      // Disclosure attributes it to the writer's cell: a group of at least k that views may show.
      const attributed = ctx.disclosure.attribute({ userId: caller.userId, teamId, audience, ownerId });
      if (!attributed) throw conflict('feedback.too_few_people', { k: ctx.k });
      ({ scope, rerouted } = attributed);
      if (attributed.audience !== audience) {
        audience = attributed.audience;
        ownerId = undefined;
      }
      if (rerouted) notices.push({ code: 'notice.rerouted', params: { k: ctx.k, group: ctx.disclosure.partition.cellOf(scope)?.label ?? { level: 'organisation' } } });
    }
    const keepPilot = pilot && (!input.anonymous || (scope.level === 'team' && scope.teamId === pilot.teamId));
    if (pilot && !keepPilot) notices.push({ code: 'notice.pilot_left_out', params: {} });

    // Idempotency: the request record names the item a retry must return.
    let id = `feedback:${randomUUID()}`;
    if (requestKey) {
      id = await this.repo.claimRequest(caller.tenantId, caller.userId, requestKey, id);
      const existing = await this.repo.item(caller.tenantId, id);
      if (existing) return { item: await this.view(existing, ctx, rerouted), created: false, notices };
    }

    const createdWeek = ctx.thisWeek;
    // The contact first: a contact without an item is harmless; an item without one is unreachable.
    if (input.anonymous) await this.repo.addContact(caller.tenantId, id, caller.userId, rerouted);
    const item: NewDoc<FeedbackItem> = {
      id,
      tenantId: caller.tenantId,
      type: 'feedback',
      audience,
      topic: input.topic,
      text: input.text,
      ...(opts.checkin ? { checkin: opts.checkin } : {}),
      anonymous: input.anonymous,
      ...(input.anonymous ? {} : { authorId: caller.userId, authorName: caller.name }),
      scope,
      ...(scope.level === 'team' ? { teamId: scope.teamId } : {}),
      ...(keepPilot ? { pilotId: pilot!.id } : {}),
      ...(ownerId ? { ownerId, ownerName: ctx.members.get(ownerId)?.name } : {}),
      state: 'open',
      dueDate: addWeeks(createdWeek, 2),
      createdWeek,
      source,
      replies: [],
    };
    const { doc, created } = await this.repo.createItem(item);
    if (created && doc.pilotId && !doc.anonymous) await this.rollups.refresh(caller.tenantId, doc.pilotId);
    return { item: await this.view(doc, ctx, rerouted), created, notices };
  }

  /**
   * Check-in answers marked "share anonymously with leaders" join the flow once their round has
   * closed: one anonymous item to senior leaders per answer with text. Idempotent per answer.
   */
  async shareCheckinAnswers(tenantId: string, roundId: string): Promise<number> {
    const round = await this.repo.round(tenantId, roundId);
    if (!round || round.status !== 'closed') return 0;
    const pilot = await this.repo.pilot(tenantId, round.pilotId);
    if (!pilot) return 0;
    // A shared answer names its pilot and round, so it hides only among the round's answerers:
    // from a round with fewer than k of them, nothing is shared (the answer stays in the check-in).
    const ctx = await this.contexts.load(tenantId);
    if ((round.answered?.length ?? 0) < ctx.k) return 0;
    const answers = await this.repo.sharedAnswers(tenantId, roundId);
    const textQuestions = pilot.questions.filter((q) => q.kind === 'text');
    let created = 0;
    for (const answer of answers) {
      const parts = textQuestions
        .map((q) => ({ q, v: answer.values[q.id] }))
        .filter((x): x is { q: (typeof textQuestions)[number]; v: string } => typeof x.v === 'string' && x.v.trim().length > 0)
        .map(({ q, v }) => ({ question: q.text, answer: v.trim() }));
      if (!parts.length) continue;
      const member = await this.directory.member(tenantId, answer.userId);
      const caller: Caller = { tenantId, userId: answer.userId, name: member?.name ?? '', roles: member?.roles ?? ['member'] };
      try {
        // The stored text is the answers alone; the pilot and its questions are added at read time.
        const text = `From a check-in:\n\n${parts.map((p) => p.answer).join('\n\n')}`.slice(0, FEEDBACK_TEXT_MAX);
        const result = await this.give(caller, { audience: 'leaders', topic: 'practice', text, anonymous: true, pilotId: pilot.id }, `checkin:${answer.id}`, { source: 'checkin', teamHint: round.teamId, checkin: { parts } });
        if (result.created) created++;
      } catch (err) {
        if (!(err instanceof DomainError) || err.kind === 'unavailable') throw err;
        // e.g. an organisation too small for anonymity: the answer stays in the check-in only.
      }
    }
    return created;
  }

  /** Sweeps recently closed rounds for shared answers (the scheduler's safety net). */
  async shareClosedCheckins(tenantId: string): Promise<number> {
    const since = isoDay(new Date(this.clock.now().getTime() - 14 * 86_400_000));
    const rounds = await this.repo.closedRoundsSince(tenantId, since);
    let n = 0;
    for (const r of rounds) n += await this.shareCheckinAnswers(tenantId, r.id);
    return n;
  }

  private async view(item: FeedbackItem, ctx: Ctx, rerouted: boolean): Promise<ContributorView> {
    return contributorView(item, ctx, await this.repo.pilotTitles(item.tenantId, [item.pilotId]), rerouted);
  }
}
