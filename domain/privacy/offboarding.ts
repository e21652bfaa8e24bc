import { createHmac, timingSafeEqual } from 'node:crypto';
import { CONTAINERS, type ContainerName } from '../ports/store';
import type { Clock } from '../shared/clock';
import { invalid, problem } from '../shared/errors';
import type { Member, Team } from '../directory/model';
import type { Circle } from '../circles/model';
import type { Pilot } from '../pilots/model';
import type { Round } from '../checkins/model';
import type { OutboxItem } from '../outbox/model';
import { APP_REMOVED, type DeletionTicket } from './model';
import type { References } from './references';
import type { PrivacyRepository } from './repository';

/** How long a tenant deletion's confirmation token is good for. */
const TICKET_MS = 10 * 60_000;

export interface Removal {
  /** Pilots (and circle rhythms) paused because of it. */
  paused: number;
  /** Open rounds that will prompt and remind nobody more. */
  stoppedRounds: number;
  /** Messages not sent yet that were cancelled. */
  cancelled: number;
}

/**
 * The app leaving a conversation, and a tenant leaving the app. Removing the app from a team or
 * group chat pauses that team's pilots (reason `app_removed`), stops their open rounds' prompts
 * and reminders, cancels what was queued for it and drops its conversation references; a
 * reinstall brings the references back (install) and resumes what was paused for this reason.
 * Removing it from a personal chat drops that chat. Deleting a tenant removes every document of
 * its partition in every container, after a confirmation.
 */
export class Offboarding {
  constructor(
    private readonly repo: PrivacyRepository,
    private readonly refs: References,
    private readonly clock: Clock,
  ) {}

  async appRemoved(tenantId: string, teamId: string): Promise<Removal> {
    const team = await this.repo.team(tenantId, teamId);
    const removal: Removal = { paused: 0, stoppedRounds: 0, cancelled: 0 };
    if (!team) return removal;
    const now = this.clock.now().toISOString();
    await this.repo.update<Team>('directory', tenantId, teamId, (t) => (t.conversationReference || !t.removedAt ? { ...t, conversationReference: undefined, removedAt: t.removedAt ?? now } : undefined));
    const circles = await this.repo.circlesIn(tenantId, teamId);
    for (const c of circles) await this.repo.update<Circle>('directory', tenantId, c.id, (x) => (x.conversationReference ? { ...x, conversationReference: undefined } : undefined));
    const pilots = await this.repo.pilotsOf(tenantId, teamId, circles.map((c) => c.id));
    for (const p of pilots.filter((x) => x.status === 'active')) {
      const paused = await this.repo.update<Pilot>('pilots', tenantId, p.id, (x) => (x.status === 'active' ? { ...x, status: 'paused', pausedReason: APP_REMOVED, updatedAt: now } : undefined));
      if (paused) removal.paused++;
    }
    const pilotIds = new Set(pilots.map((p) => p.id));
    for (const r of await this.repo.openRoundsOf(tenantId, [...pilotIds])) {
      await this.repo.update<Round>('checkins', tenantId, r.id, (x) => (x.stoppedReason ? undefined : { ...x, stoppedReason: APP_REMOVED }));
      removal.stoppedRounds++;
    }
    const targets = new Set([teamId, ...circles.map((c) => c.id)]);
    for (const item of await this.repo.unsent(tenantId)) {
      const toTeam = item.target.kind === 'team' && targets.has(item.target.teamId);
      const forPilot = typeof item.data.pilotId === 'string' && pilotIds.has(item.data.pilotId) && /^(checkin_prompt|checkin_reminder)$/.test(item.kind);
      if (!toTeam && !forPilot) continue;
      const cancelled = await this.repo.update<OutboxItem>('outbox', tenantId, item.id, (x) => (x.status === 'pending' ? { ...x, status: 'cancelled', lastError: APP_REMOVED } : undefined));
      if (cancelled) removal.cancelled++;
    }
    return removal;
  }

  /** Installed again: what was paused because the app was removed runs again. */
  async reinstalled(tenantId: string, teamId: string): Promise<number> {
    await this.repo.update<Team>('directory', tenantId, teamId, (t) => (t.removedAt ? { ...t, removedAt: undefined } : undefined));
    const circles = await this.repo.circlesIn(tenantId, teamId);
    const team = await this.repo.team(tenantId, teamId);
    for (const c of circles) {
      if (!c.conversationReference && team?.conversationReference) await this.repo.update<Circle>('directory', tenantId, c.id, (x) => ({ ...x, conversationReference: team.conversationReference }));
    }
    let resumed = 0;
    const now = this.clock.now().toISOString();
    for (const p of await this.repo.pilotsOf(tenantId, teamId, circles.map((c) => c.id))) {
      if (p.pausedReason !== APP_REMOVED) continue;
      const back = await this.repo.update<Pilot>('pilots', tenantId, p.id, (x) => (x.pausedReason === APP_REMOVED ? { ...x, status: x.status === 'paused' ? 'active' : x.status, pausedReason: undefined, updatedAt: now } : undefined));
      if (back) resumed++;
    }
    return resumed;
  }

  /** The app removed from someone's personal chat: check-ins can no longer reach them there. */
  async personalChatRemoved(tenantId: string, userId: string): Promise<void> {
    await this.repo.update<Member>('directory', tenantId, `member:${userId}`, (m) => (m.personalConversation ? { ...m, personalConversation: undefined } : undefined));
  }

  // -----------------------------------------------------------------------------------------
  // Deleting a tenant's data

  /** The first step: what would go, and a token the second step must bring back (with the tenant's name). */
  async deletionTicket(tenantId: string, tenantName: string, userId: string): Promise<DeletionTicket> {
    const expiresAt = new Date(this.clock.now().getTime() + TICKET_MS).toISOString();
    const token = `${Date.parse(expiresAt).toString(36)}.${mac(await this.refs.key(tenantId), tenantId, userId, expiresAt)}`;
    const counts = await this.repo.counts(tenantId);
    return { token, expiresAt, tenantName, documents: counts };
  }

  /** The second step: with a good token and the tenant's name typed back, every document of the tenant goes. */
  async deleteTenant(tenantId: string, tenantName: string, userId: string, token: string, typedName: string): Promise<Record<ContainerName, number>> {
    const [stamp, signature] = token.split('.');
    const expires = parseInt(stamp ?? '', 36);
    const expiresAt = Number.isFinite(expires) ? new Date(expires).toISOString() : '';
    const key = await this.refs.existingKey(tenantId);
    const expected = expiresAt && key ? mac(key, tenantId, userId, expiresAt) : '';
    const good = !!signature && !!expected && signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
    if (!good || expires < this.clock.now().getTime()) throw invalid([problem('token', 'not_valid')], 'privacy.deletion_token');
    if (typedName.trim().toLocaleLowerCase() !== tenantName.trim().toLocaleLowerCase()) throw invalid([problem('tenantName', 'not_valid')], 'privacy.deletion_name');
    // Off the scheduler's list first, so background work stops writing for it.
    await this.repo.forgetTenant(tenantId);
    const deleted = {} as Record<ContainerName, number>;
    for (const name of CONTAINERS) deleted[name] = await this.repo.deletePartition(name, tenantId);
    return deleted;
  }

}

/** The confirmation token's signature: this tenant, this admin, until then. */
function mac(key: string, tenantId: string, userId: string, expiresAt: string): string {
  return createHmac('sha256', key).update(`delete-tenant|${tenantId}|${userId}|${expiresAt}`).digest('base64url').slice(0, 32);
}
