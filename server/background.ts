import type { BotRuntime } from './app';
import { Delivery } from '../bot/delivery';
import { feedbackNotificationCard } from '../bot/feedback';
import type { Domain } from '../domain';
import type { GraphPort } from '../domain/ports/graph';
import type { Config } from './config';
import type { Log } from '../platform/log';
import type { Skipped } from '../domain/shared/isolation';

/** What a scheduler pass could not do: each item (or a tenant's stage) skipped, with its id. */
export interface TickReport {
  tenants: number;
  skipped: { tenantId: string; what: Skipped['what'] | 'stage'; id: string; error: string }[];
}

/**
 * The app's background work: the check-in scheduler (with feedback's daily batch and the nightly
 * organisation sync) and outbox delivery. All are safe with several instances (claims, leases and
 * ids in Cosmos decide who does what). Tests drive them by hand with `tick()` and
 * `delivery.flush()` and a manual clock.
 */
export class Background {
  readonly delivery: Delivery;
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private lastFeedbackHour?: number;

  constructor(
    private readonly domain: Domain,
    runtime: BotRuntime,
    config: Config,
    private readonly log: Log,
    /** Microsoft Graph for activity feed notices (absent: every notice goes to chat). */
    feed?: GraphPort,
  ) {
    // Proactive calls need an app id; without credentials (local, tests) any placeholder works.
    const appId = config.MicrosoftAppId || '00000000-0000-0000-0000-000000000000';
    this.delivery = new Delivery(runtime.adapter, domain, runtime.links, log, { appId, feed }, (kind, data, locale) => feedbackNotificationCard(kind, data, runtime.links, locale));
  }

  /**
   * One scheduler pass over every tenant. Failures are isolated: a bad pilot, round or circle is
   * logged with its id and skipped, a failing stage of one tenant does not stop its other stages,
   * and no tenant stops another. Returns what was skipped (tests and operators read it).
   */
  async tick(): Promise<TickReport> {
    // Feedback upkeep (digests, shared answers, rollups) is heavier and slower-moving: hourly.
    const hour = Math.floor(this.domain.clock.now().getTime() / 3_600_000);
    const feedbackDue = hour !== this.lastFeedbackHour;
    this.lastFeedbackHour = hour;
    const report: TickReport = { tenants: 0, skipped: [] };
    for (const tenantId of await this.domain.directory.tenantIds()) {
      report.tenants++;
      const skipped: Skipped[] = [];
      const stage = async (name: string, work: () => Promise<unknown>) => {
        try {
          await work();
        } catch (err) {
          this.log.error({ tenantId, stage: name, err: String(err) }, 'scheduler stage failed');
          report.skipped.push({ tenantId, what: 'stage', id: name, error: String(err) });
        }
      };
      await stage('checkins', () => this.domain.checkins.tick(tenantId, skipped));
      await stage('circles', () => this.domain.circles.tick(tenantId, skipped));
      if (feedbackDue) {
        // Contributor steps on anonymous threads reach owners in the daily batch, never live.
        await stage('feedback-batch', () => this.domain.feedback.deliverBatches(tenantId, skipped));
        // Owners' quiet digest: at most one per owner per week (the outbox key says so).
        await stage('feedback', () => this.domain.feedback.queueDigests(tenantId));
      }
      // Organisation structure from Microsoft Graph, once a night (it runs on its own).
      await stage('org', () => this.domain.org.nightly(tenantId));
      for (const s of skipped) {
        this.log.error({ tenantId, [`${s.what}Id`]: s.id, err: s.error }, `scheduler skipped a ${s.what}`);
        report.skipped.push({ tenantId, ...s });
      }
    }
    return report;
  }

  start(schedulerMs = 60_000, deliveryMs = 2_000): void {
    const loop = async () => {
      this.ticking = this.tick().then(() => undefined, (err) => this.log.error({ err: String(err) }, 'scheduler pass failed'));
      await this.ticking;
      this.timer = setTimeout(loop, schedulerMs);
    };
    this.timer = setTimeout(loop, 1000);
    this.delivery.start(deliveryMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    await this.delivery.stop();
  }
}
