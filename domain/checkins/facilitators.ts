import type { Caller } from '../shared/caller';
import type { Directory } from '../directory/directory';
import type { Member } from '../directory/model';
import type { Outbox } from '../outbox/outbox';
import type { Pilot } from '../pilots/model';
import type { PilotRepository } from '../pilots/repository';
import type { Round } from './model';
import type { CheckinRepository } from './repository';

/**
 * Each round's facilitator, from a fair rota: members take turns in a fixed order; someone not
 * taking part this round is skipped and keeps their place for next time.
 */
export class Facilitators {
  constructor(
    private readonly rounds: CheckinRepository,
    private readonly pilots: PilotRepository,
    private readonly directory: Directory,
    private readonly outbox: Outbox,
  ) {}

  /** Whose turn it is among `present`, recorded on the pilot's rota. */
  async next(pilot: Pilot, present: string[]): Promise<string | undefined> {
    if (!present.length) return undefined;
    let chosen: string | undefined;
    await this.pilots.update(pilot.tenantId, pilot.id, (p) => {
      const order = [...(p.rota?.order ?? [])];
      for (const id of [...present].sort()) if (!order.includes(id)) order.push(id);
      const last = p.rota?.last ?? -1;
      for (let step = 1; step <= order.length; step++) {
        const index = (last + step) % order.length;
        if (present.includes(order[index])) {
          chosen = order[index];
          return { ...p, rota: { order, last: index } };
        }
      }
      return undefined;
    });
    return chosen;
  }

  /** Tells the team who facilitates a round just opened, and the facilitator personally. */
  async announce(pilot: Pilot, round: Round, facilitatorId: string): Promise<void> {
    const facilitator = await this.directory.member(pilot.tenantId, facilitatorId);
    // No name (someone gone from the directory): the cards say "a team member".
    const data = { pilotTitle: pilot.title, ...(facilitator ? { facilitatorName: facilitator.name } : {}), closesAt: round.closesAt, roundId: round.id };
    await this.outbox.enqueue(pilot.tenantId, `facilitator:${round.id}`, 'facilitator_announcement', { kind: 'team', teamId: pilot.teamId }, data);
    // The facilitator hears it personally too, with the option to hand the role on.
    await this.outbox.enqueue(pilot.tenantId, `facilitator-you:${round.id}`, 'facilitator_announcement', { kind: 'user', userId: facilitatorId }, { ...data, personal: true });
  }

  /** The facilitator hands this round's role to the next person in the rota who was invited. */
  async handOn(caller: Caller, round: Round, pilot: Pilot): Promise<Member | undefined> {
    const order = pilot.rota?.order ?? round.invited;
    const start = order.indexOf(caller.userId);
    const next = order.map((_, i) => order[(start + 1 + i) % order.length]).find((id) => id !== caller.userId && round.invited.includes(id));
    if (!next) return undefined;
    await this.rounds.updateRound(caller.tenantId, round.id, (r) => (r.facilitatorId === caller.userId ? { ...r, facilitatorId: next } : undefined));
    const member = await this.directory.member(caller.tenantId, next);
    await this.outbox.enqueue(caller.tenantId, `facilitator-swap:${round.id}:${next}`, 'facilitator_announcement', { kind: 'team', teamId: round.teamId }, {
      pilotTitle: pilot.title,
      ...(member ? { facilitatorName: member.name } : {}),
      closesAt: round.closesAt,
      swapped: true,
    });
    return member;
  }
}
