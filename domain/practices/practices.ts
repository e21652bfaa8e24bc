import { randomUUID } from 'node:crypto';
import type { Store } from '../ports/store';
import type { Clock } from '../shared/clock';
import { conflict, forbidden, notFound } from '../shared/errors';
import { hasRole, type Caller } from '../shared/caller';
import { currentBuiltIn } from './library';
import type { Practice } from './model';
import { settleQuestions } from './questions';
import type { PracticeInput, PracticePatch } from './schemas';
import { PracticeRepository } from './repository';

/**
 * The practice library: built-in practices plus those a tenant's admins add. Admins edit,
 * translate and retire them; a retired practice is no longer offered for new pilots, while the
 * pilots and stories that used it keep its name.
 */
export class Practices {
  private readonly repo: PracticeRepository;

  constructor(
    store: Store,
    private readonly clock: Clock,
  ) {
    this.repo = new PracticeRepository(store);
  }

  /** The library people pick from; admins may ask for the retired ones too. */
  async list(caller: Caller, opts: { retired?: boolean } = {}): Promise<Practice[]> {
    const all = (await this.repo.byName(caller.tenantId)).map(currentBuiltIn);
    return opts.retired && hasRole(caller, 'admin') ? all : all.filter((p) => !p.retired);
  }

  async search(caller: Caller, text: string, limit: number): Promise<Practice[]> {
    const found = await this.repo.matching(caller.tenantId, text.trim().toLowerCase().slice(0, 100), limit);
    return found.map(currentBuiltIn).filter((p) => !p.retired);
  }

  async get(caller: Caller, id: string): Promise<Practice> {
    const practice = id.startsWith('practice:') ? await this.repo.find(caller.tenantId, id) : undefined;
    if (!practice) throw notFound('practice');
    return currentBuiltIn(practice);
  }

  /** A practice a new pilot may start from: one of the library that is not retired. */
  async usable(caller: Caller, id: string): Promise<Practice> {
    const practice = await this.get(caller, id);
    if (practice.retired) throw conflict('practice.retired');
    return practice;
  }

  async add(caller: Caller, input: PracticeInput, from?: { pilotId: string }): Promise<Practice> {
    requireAdmin(caller);
    const now = this.clock.now().toISOString();
    const slug = input.name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'practice';
    return this.repo.create({
      id: `practice:${slug}-${randomUUID().slice(0, 6)}`,
      tenantId: caller.tenantId,
      type: 'practice',
      name: input.name,
      summary: input.summary,
      why: input.why,
      how: input.how,
      measures: input.measures,
      pitfalls: input.pitfalls,
      questions: settleQuestions(input.questions, {}),
      tags: input.tags,
      builtIn: false,
      ...(input.translations?.es ? { translations: { es: input.translations.es } } : {}),
      editedAt: now,
      editedBy: caller.userId,
      ...(from ? { fromPilotId: from.pilotId } : {}),
    });
  }

  /**
   * Edits or translates a practice (`etag` is what the editor loaded). Editing a built-in one makes
   * it the tenant's own: library updates no longer replace it.
   */
  async edit(caller: Caller, id: string, patch: PracticePatch, etag: string): Promise<Practice> {
    requireAdmin(caller);
    const practice = await this.get(caller, id);
    const { questions, translations, ...words } = patch;
    const next: Practice = { ...practice, ...words, editedAt: this.clock.now().toISOString(), editedBy: caller.userId };
    if (questions) next.questions = settleQuestions(questions, { previous: practice });
    if (translations) next.translations = { ...practice.translations, ...translations };
    return this.repo.replace(next, etag);
  }

  async setRetired(caller: Caller, id: string, retired: boolean): Promise<Practice> {
    requireAdmin(caller);
    await this.get(caller, id);
    const updated = await this.repo.update(caller.tenantId, id, (p) => (!!p.retired === retired ? undefined : { ...p, retired }));
    if (!updated) throw notFound('practice');
    return currentBuiltIn(updated);
  }
}

export function requireAdmin(caller: Caller): void {
  if (!hasRole(caller, 'admin')) throw forbidden('practice.admin_only');
}
