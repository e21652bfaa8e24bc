import { AnonymityRepository, DisclosureLoader, type GroupLabel } from '../anonymity';
import type { AuditLog } from '../audit/audit';
import type { Store } from '../ports/store';
import type { Clock } from '../shared/clock';
import type { Caller } from '../shared/caller';
import type { Directory } from '../directory/directory';
import type { Outbox } from '../outbox/outbox';
import type { Pilots } from '../pilots/pilots';
import type { RateLimits } from '../shared/rate-limits';
import { ContextLoader } from './context';
import { Digests } from './digests';
import { Intake, type FormOptions, type GiveOptions, type Notice } from './intake';
import { Lifecycle } from './lifecycle';
import { Reporting } from './reporting';
import { FeedbackRepository } from './repository';
import { PilotRollups } from './rollups';
import type { AcknowledgeInput, FeedbackInput, SummaryFilter } from './schemas';
import { ThresholdSettings } from './settings';
import type { ContributorView, OwnerView, PitfallSignal, Summary } from './views';
import type { Skipped } from '../shared/isolation';

/**
 * Feedback loops: team → manager → senior leaders and back, with anonymity that holds by
 * construction (rules in domain/anonymity).
 *
 *  - Anonymous items hold no user id and no exact time. The link to their author lives in the
 *    contacts container (`contact:<feedbackId>`), which only the delivery path and the author's
 *    own "what I gave" list read. Replies reach the author through the outbox with a
 *    `{kind:'contact'}` target, resolved at send time.
 *  - An anonymous item is released to its owner, lists and aggregates only after the week it was
 *    written in has ended, and is shown as coming from a group of at least the threshold.
 *  - Every action validates fully before it writes, and writes with the document's ETag.
 *
 * This class is the component's face; the work is done by the modules it composes, and every
 * read and write goes through the one FeedbackRepository.
 */
export class Feedback {
  private readonly intake: Intake;
  private readonly lifecycle: Lifecycle;
  private readonly rollups: PilotRollups;
  private readonly digests: Digests;
  private readonly reporting: Reporting;
  private readonly settings: ThresholdSettings;

  constructor(store: Store, directory: Directory, pilots: Pilots, outbox: Outbox, clock: Clock, limits: RateLimits, audit: AuditLog) {
    const repo = new FeedbackRepository(store);
    const contexts = new ContextLoader(new DisclosureLoader(new AnonymityRepository(store), (tenantId) => directory.settings(tenantId), clock));
    this.rollups = new PilotRollups(repo, clock);
    this.intake = new Intake(repo, contexts, directory, pilots, this.rollups, clock, limits);
    this.lifecycle = new Lifecycle(repo, contexts, outbox, this.rollups, clock);
    this.digests = new Digests(repo, contexts, this.intake, this.rollups, outbox);
    this.reporting = new Reporting(repo, contexts, audit);
    this.settings = new ThresholdSettings(repo, directory, audit);
  }

  // Giving feedback.

  /** What the "give feedback" forms offer this caller. */
  formOptions(caller: Caller): Promise<FormOptions> {
    return this.intake.formOptions(caller);
  }

  /**
   * Records feedback. `requestKey` (Idempotency-Key, a card's request id) makes a retried
   * request return the item created the first time. Nothing is written unless every check passes.
   */
  give(caller: Caller, input: FeedbackInput, requestKey?: string, opts: GiveOptions = {}): Promise<{ item: ContributorView; created: boolean; notices: Notice[] }> {
    return this.intake.give(caller, input, requestKey, opts);
  }

  /** Check-in answers shared with leaders join the flow once their round has closed. */
  shareCheckinAnswers(tenantId: string, roundId: string): Promise<number> {
    return this.intake.shareCheckinAnswers(tenantId, roundId);
  }

  /** Sweeps recently closed rounds for shared answers (the scheduler's safety net). */
  shareClosedCheckins(tenantId: string): Promise<number> {
    return this.intake.shareClosedCheckins(tenantId);
  }

  // Reading.

  /** What I gave: my named items and, through my own contacts, my anonymous ones. */
  mine(caller: Caller): Promise<ContributorView[]> {
    return this.lifecycle.mine(caller);
  }

  /** What waits on me: items I own, and (senior leaders) items addressed to leaders. */
  inbox(caller: Caller): Promise<OwnerView[]> {
    return this.lifecycle.inbox(caller);
  }

  /** One item: as its owner sees it, or as its contributor does. Anyone else: not found. */
  get(caller: Caller, id: string): Promise<{ role: 'owner'; item: OwnerView } | { role: 'contributor'; item: ContributorView }> {
    return this.lifecycle.get(caller, id);
  }

  // Closing the loop: the owner's side.

  acknowledge(caller: Caller, id: string, input: AcknowledgeInput = {}): Promise<OwnerView> {
    return this.lifecycle.acknowledge(caller, id, input);
  }

  /** "You said, we did": what was done about it, in the owner's words. */
  act(caller: Caller, id: string, note: string): Promise<OwnerView> {
    return this.lifecycle.act(caller, id, note);
  }

  close(caller: Caller, id: string, note?: string): Promise<OwnerView> {
    return this.lifecycle.close(caller, id, note);
  }

  /** The owner answers; the contributor gets it in their chat with the bot. */
  reply(caller: Caller, id: string, text: string, requestKey?: string): Promise<OwnerView> {
    return this.lifecycle.reply(caller, id, text, requestKey);
  }

  // Closing the loop: the contributor's side.

  respond(caller: Caller, id: string, text: string, requestKey?: string): Promise<ContributorView> {
    return this.lifecycle.respond(caller, id, text, requestKey);
  }

  /** Is the loop really closed? Yes closes an acted item; no reopens it. */
  confirm(caller: Caller, id: string, closed: boolean, text?: string): Promise<ContributorView> {
    return this.lifecycle.confirm(caller, id, closed, text);
  }

  /** The daily batch: contributor steps on anonymous threads reach their owners (the scheduler calls it). */
  deliverBatches(tenantId: string, skipped: Skipped[] = []): Promise<number> {
    return this.lifecycle.deliverBatches(tenantId, skipped);
  }

  // Rollups and digests (the scheduler calls queueDigests).

  /** Keeps pilot.health.openFeedback current: named items at once, anonymous ones once released. */
  refreshPilot(tenantId: string, pilotId: string): Promise<void> {
    return this.rollups.refresh(tenantId, pilotId);
  }

  /** One quiet digest per owner with something waiting, at most one a week. */
  queueDigests(tenantId: string): Promise<number> {
    return this.digests.queue(tenantId);
  }

  // Aggregates for senior leaders.

  summary(caller: Caller, filter: SummaryFilter = {}): Promise<Summary> {
    return this.reporting.summary(caller, filter);
  }

  /** The summary as CSV; the export is recorded in the audit log. */
  exportCsv(caller: Caller, groupName: (label: GroupLabel) => string, filter: SummaryFilter = {}): Promise<string> {
    return this.reporting.exportCsv(caller, groupName, filter);
  }

  signals(caller: Caller): Promise<{ threshold: number; period: { from: string; to: string }; signals: PitfallSignal[] }> {
    return this.reporting.signals(caller);
  }

  // The tenant's threshold (admins only).

  /** A change is recorded in the audit log (the threshold before and after). */
  setThreshold(caller: Caller, anonymityThreshold: number): Promise<number> {
    return this.settings.set(caller, anonymityThreshold);
  }

  threshold(tenantId: string): Promise<number> {
    return this.settings.get(tenantId);
  }
}
