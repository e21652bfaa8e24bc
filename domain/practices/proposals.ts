import type { Store } from '../ports/store';
import type { Clock } from '../shared/clock';
import { conflict, forbidden, notFound } from '../shared/errors';
import type { Caller } from '../shared/caller';
import type { Pilots } from '../pilots/pilots';
import type { Practice, PracticeProposal, ProposalStatus } from './model';
import { requireAdmin, type Practices } from './practices';
import type { ProposalInput } from './schemas';
import { PracticeRepository } from './repository';

/** Pilots that ended in a practice worth keeping. */
const FINISHED = ['adopted', 'adapted'];

/**
 * "Adopt as practice": the manager of a pilot their team adopted (or adapted) proposes it for the
 * library, in the pilot's own words; an admin approves it (it becomes a practice every team can
 * start from) or declines it.
 */
export class PracticeProposals {
  private readonly repo: PracticeRepository;

  constructor(
    store: Store,
    private readonly pilots: Pilots,
    private readonly practices: Practices,
    private readonly clock: Clock,
  ) {
    this.repo = new PracticeRepository(store);
  }

  async propose(caller: Caller, input: ProposalInput): Promise<{ proposal: PracticeProposal; created: boolean }> {
    const pilot = await this.pilots.teamPilot(caller, input.pilotId);
    if (!(await this.pilots.canEdit(caller, pilot))) throw forbidden('practice.proposal_manager_only');
    if (!FINISHED.includes(pilot.status)) throw conflict('practice.pilot_not_adopted', { status: pilot.status });
    const { doc, created } = await this.repo.proposeOnce({
      id: `proposal:${pilot.id}`,
      tenantId: caller.tenantId,
      type: 'practiceProposal',
      pilotId: pilot.id,
      pilotTitle: pilot.title,
      teamName: pilot.teamName,
      outcome: pilot.status,
      proposedBy: { userId: caller.userId, name: caller.name },
      proposedAt: this.clock.now().toISOString(),
      words: {
        name: input.name ?? pilot.title.slice(0, 80),
        summary: input.summary,
        why: pilot.hypothesis,
        how: pilot.learning ? [pilot.learning.slice(0, 200)] : [],
        measures: pilot.successMeasures,
        pitfalls: input.pitfalls,
      },
      // Ids are the pilot's; the practice gives them fresh ones where they are not the bank's.
      questions: pilot.questions.map(({ translations: _t, ...q }) => q),
      status: 'pending',
    });
    return { proposal: doc, created };
  }

  list(caller: Caller, status?: ProposalStatus): Promise<PracticeProposal[]> {
    requireAdmin(caller);
    return this.repo.proposals(caller.tenantId, status);
  }

  /** Approving adds the practice (once: a retried approval finds it); declining closes the proposal. */
  async decide(caller: Caller, id: string, decision: 'approve' | 'decline'): Promise<{ proposal: PracticeProposal; practice?: Practice }> {
    requireAdmin(caller);
    const proposal = id.startsWith('proposal:') ? await this.repo.proposal(caller.tenantId, id) : undefined;
    if (!proposal) throw notFound('proposal');
    const wanted: ProposalStatus = decision === 'approve' ? 'approved' : 'rejected';
    if (proposal.status === wanted) return { proposal, practice: proposal.practiceId ? await this.practices.get(caller, proposal.practiceId) : undefined };
    if (proposal.status !== 'pending') throw conflict('practice.proposal_decided');
    const practice =
      decision === 'approve'
        ? await this.practices.add(
            caller,
            {
              ...proposal.words,
              how: proposal.words.how.length ? proposal.words.how : [proposal.words.summary.slice(0, 200)],
              questions: proposal.questions.map(({ id: qid, ...q }) => (qid.startsWith('q-') ? q : { id: qid, ...q })),
              tags: [],
            },
            { pilotId: proposal.pilotId },
          )
        : undefined;
    const decided = await this.repo.updateProposal(caller.tenantId, id, (p) =>
      p.status !== 'pending' ? undefined : { ...p, status: wanted, decidedBy: { userId: caller.userId, name: caller.name }, decidedAt: this.clock.now().toISOString(), practiceId: practice?.id },
    );
    return { proposal: decided ?? proposal, practice };
  }
}
