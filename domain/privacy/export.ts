import type { PulsePeriod } from '../pulse/model';
import { CONTAINERS, type ContainerName, type Doc } from '../ports/store';
import type { Clock } from '../shared/clock';
import { toCsv } from '../shared/csv';
import type { Contact, FeedbackItem } from '../feedback/model';
import type { Round } from '../checkins/model';
import type { Circle } from '../circles/model';
import { Mentions } from './mentions';
import type { ExportAudience, PersonExport, Subject, Withheld } from './model';
import type { PrivacyRepository } from './repository';

const STORE_FIELDS = ['_rid', '_self', '_etag', '_ts', '_attachments'];

/**
 * Everything stored about one person, from every container: the documents that carry their id,
 * as stored. What others may not learn stays out whoever asks: secret ballots, who else answered
 * a round. What the app keeps private from admins stays out of an admin's export (counted under
 * `withheld`): check-in answers, development paths, anonymous feedback and its contact links. The
 * person's own download has those too, their anonymous items included (found through their
 * contact links, never by anything the items hold).
 */
export class PersonExporter {
  constructor(
    private readonly repo: PrivacyRepository,
    private readonly clock: Clock,
  ) {}

  async export(tenantId: string, subject: Subject, audience: ExportAudience): Promise<PersonExport> {
    // By id only: a name in someone else's words is their text, not the person's data.
    const mentions = new Mentions({ ...subject, names: [] }, '');
    const containers = Object.fromEntries(CONTAINERS.map((c) => [c, [] as Record<string, unknown>[]])) as PersonExport['containers'];
    const withheld: Withheld = { answers: 0, anonymousFeedbackWritten: 0, anonymousFeedbackReceived: 0, paths: 0 };
    const contacts: string[] = [];
    for (const name of CONTAINERS) {
      await this.repo.scan(name, tenantId, async (docs) => {
        for (const doc of docs) {
          if (!mentions.in(doc)) continue;
          if (doc.type === 'contact') contacts.push((doc as Contact).feedbackId);
          const shown = this.shape(name, doc, subject.userId, audience, withheld);
          if (shown) containers[name].push(shown);
        }
      });
    }
    if (audience === 'self') {
      for (const item of await this.repo.feedbackItems(tenantId, contacts)) containers.feedback.push(clean(item));
    } else {
      withheld.anonymousFeedbackWritten = contacts.length;
    }
    const documents = Object.values(containers).reduce((n, list) => n + list.length, 0);
    const name = (containers.directory.find((d) => d.type === 'member' || d.type === 'person')?.name as string | undefined) ?? subject.names[0] ?? '';
    return { subject: { userId: subject.userId, name }, generatedAt: this.clock.now().toISOString(), audience, containers, ...(audience === 'admin' ? { withheld } : {}), documents };
  }

  /** One document as the export shows it, or undefined to leave it out. */
  private shape(container: ContainerName, doc: Doc, userId: string, audience: ExportAudience, withheld: Withheld): Record<string, unknown> | undefined {
    const d = doc as Doc & Record<string, unknown>;
    const admin = audience === 'admin';
    if (d.type === 'contact') return admin ? undefined : clean(d);
    if (d.type === 'answer' || d.type === 'pulse_answer') {
      if (admin) withheld.answers++;
      return admin ? undefined : clean(d);
    }
    if (d.type === 'path') {
      if (d.ownerId !== userId) return undefined; // someone else's path, shared with them: the owner's to export
      if (admin) withheld.paths++;
      return admin ? undefined : clean(d);
    }
    if (d.type === 'feedback' && (d as unknown as FeedbackItem).anonymous) {
      withheld.anonymousFeedbackReceived++;
      return undefined;
    }
    if (d.type === 'round') return roundFor(d as unknown as Round, userId);
    if (d.type === 'pulse') return pulseFor(d as unknown as PulsePeriod, userId);
    if (d.type === 'circle') {
      const { election, ...rest } = clean(d) as unknown as Circle;
      return election ? { ...rest, election: { ...election, votes: undefined, myVote: admin ? undefined : election.votes[userId] } } : rest;
    }
    if (container === 'outbox' && d.type === 'processed-activity') return undefined;
    return clean(d);
  }
}

/** A round as far as it is about them: their own part, and the round's public facts. */
function roundFor(r: Round, userId: string): Record<string, unknown> {
  return {
    id: r.id,
    type: r.type,
    pilotId: r.pilotId,
    pilotTitle: r.pilotTitle,
    teamId: r.teamId,
    date: r.date,
    number: r.number,
    status: r.status,
    invited: r.invited.includes(userId),
    prompted: r.prompted.includes(userId),
    reminded: r.reminded.includes(userId),
    schedule: r.schedule[userId],
    facilitator: r.facilitatorId === userId,
  };
}

function clean(doc: object): Record<string, unknown> {
  const copy = { ...doc } as Record<string, unknown>;
  for (const k of STORE_FIELDS) delete copy[k];
  return copy;
}

/** The export as CSV: one row per stored value (container, document, field path, value). */
export function exportCsv(data: PersonExport): string {
  const rows: unknown[][] = [];
  for (const name of CONTAINERS) {
    for (const doc of data.containers[name]) {
      for (const [field, value] of flatten(doc)) rows.push([name, String(doc.type ?? ''), String(doc.id ?? ''), field, value]);
    }
  }
  if (data.withheld) for (const [k, v] of Object.entries(data.withheld)) rows.push(['', 'withheld', '', k, v]);
  return toCsv(['container', 'type', 'id', 'field', 'value'], rows);
}

function flatten(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => flatten(v, `${path}[${i}]`)) : [[path, '']];
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return entries.length ? entries.flatMap(([k, v]) => flatten(v, path ? `${path}.${k}` : k)) : [[path, '']];
  }
  return [[path, value]];
}

/** A managers' pulse as it concerns one person: when they were asked and reminded, not the others or the group sums. */
function pulseFor(p: PulsePeriod, userId: string): Record<string, unknown> {
  return { id: p.id, type: p.type, period: p.period, status: p.status, opensAt: p.opensAt, closesAt: p.closesAt, asked: p.invited.includes(userId), promptAt: p.schedule[userId]?.promptAt, prompted: p.prompted.includes(userId), reminded: p.reminded.includes(userId) };
}
