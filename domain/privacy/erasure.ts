import { CONTAINERS, type ContainerName, type Doc } from '../ports/store';
import type { Clock } from '../shared/clock';
import { notFound } from '../shared/errors';
import { Mentions } from './mentions';
import type { ErasureReport, Subject } from './model';
import { successorOf, verdict, type ErasureContext } from './policy';
import type { References } from './references';
import type { PrivacyRepository } from './repository';

/** The directory goes last, and the person's own record last of all: until then a retry still knows their name. */
const ORDER: ContainerName[] = [...CONTAINERS.filter((c) => c !== 'directory'), 'directory'];

/**
 * Erasing one person from a tenant (policy.ts, docs/privacy.md). Every document of every
 * container is read once; those naming the person are changed one by one with their ETag (live
 * requests may write in between), then the walk repeats until it finds nothing. The person is
 * marked erased first, by their one-way reference, so a retry (or a crash halfway) finishes the
 * work and an organisation sync in the middle does not bring them back.
 */
export class Erasure {
  constructor(
    private readonly repo: PrivacyRepository,
    private readonly refs: References,
    private readonly clock: Clock,
  ) {}

  /** The person as the store knows them; undefined when it does not. */
  async subject(tenantId: string, userId: string): Promise<Subject | undefined> {
    const [member, person] = await Promise.all([this.repo.member(tenantId, userId), this.repo.person(tenantId, userId)]);
    if (!member && !person) return undefined;
    return { userId, otherIds: member?.teamsUserId ? [member.teamsUserId] : [], names: [member?.name, person?.name].filter((n): n is string => !!n) };
  }

  async erase(tenantId: string, userId: string): Promise<ErasureReport> {
    const known = await this.subject(tenantId, userId);
    // Erased before and not back since: a retry, which finishes anything left by id alone.
    const alreadyErased = !known && (await this.refs.isErased(tenantId, userId));
    const subject = known ?? (alreadyErased ? { userId, otherIds: [], names: [] } : undefined);
    if (!subject) throw notFound('person'); // before any write: a refusal changes nothing
    const reference = await this.refs.of(tenantId, userId);
    await this.refs.markErased(tenantId, reference);
    const now = this.clock.now().toISOString();
    const x: ErasureContext = {
      userId,
      reference,
      mentions: new Mentions(subject, reference),
      answered: await this.repo.roundsAnsweredBy(tenantId, userId),
      successors: await this.successors(tenantId, userId),
      now,
    };
    const report: ErasureReport = { reference, alreadyErased, deleted: {}, deidentified: {}, scanned: 0 };
    // Again where something changed (live requests may have written in between), until nothing does.
    let containers = ORDER;
    for (let pass = 0; pass < 3 && containers.length; pass++) {
      const changed: ContainerName[] = [];
      for (const name of containers) if (await this.sweep(name, tenantId, x, report)) changed.push(name);
      containers = changed;
    }
    return report;
  }

  /** One container: finds what names the person, then changes each document on its current version. */
  private async sweep(name: ContainerName, tenantId: string, x: ErasureContext, report: ErasureReport): Promise<number> {
    const found: Doc[] = [];
    await this.repo.scan(name, tenantId, async (docs) => {
      report.scanned += docs.length;
      for (const d of docs) if (x.mentions.in(d)) found.push(d);
    });
    // The person's own record last (see ORDER).
    found.sort((a, b) => Number(isOwnRecord(a, x.userId)) - Number(isOwnRecord(b, x.userId)));
    for (const doc of found) {
      const v = verdict(name, doc, x);
      if (!v) continue;
      if (v.kind === 'delete') {
        if (await this.repo.remove(name, tenantId, doc.id)) report.deleted[name] = (report.deleted[name] ?? 0) + 1;
        continue;
      }
      if (v.doc.id !== doc.id) {
        await this.repo.move(name, doc.id, strip(v.doc));
      } else {
        await this.repo.update<Doc>(name, tenantId, doc.id, (current) => {
          const again = verdict(name, current, x);
          return again?.kind === 'write' ? again.doc : undefined;
        });
      }
      report.deidentified[name] = (report.deidentified[name] ?? 0) + 1;
    }
    return found.length;
  }

  /** Circles the person convenes pass to another member, chosen before anything changes. */
  private async successors(tenantId: string, userId: string): Promise<ErasureContext['successors']> {
    const circles = await this.repo.circlesConvenedBy(tenantId, userId);
    const chosen = new Map(circles.map((c) => [c.id, successorOf(c, userId)]));
    const names = await this.repo.memberNames(tenantId, [...chosen.values()].filter((id): id is string => !!id));
    return new Map(circles.map((c) => {
      const id = chosen.get(c.id);
      return [c.id, id ? { userId: id, name: names.get(id) ?? id } : undefined];
    }));
  }
}

function isOwnRecord(doc: Doc, userId: string): boolean {
  return (doc.type === 'member' || doc.type === 'person') && (doc as Doc & { userId?: string }).userId === userId;
}

/** A document as it is written anew: the store's internals left out. */
function strip(doc: Doc): Doc {
  const copy = { ...doc } as Record<string, unknown>;
  for (const k of ['_rid', '_self', '_etag', '_ts', '_attachments']) delete copy[k];
  return copy as unknown as Doc;
}
