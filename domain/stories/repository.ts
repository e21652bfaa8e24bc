import { createHash } from 'node:crypto';
import type { NewDoc, Store } from '../ports/store';
import type { Outcome, Pilot } from '../pilots/model';
import type { Story } from './model';

/** One story per pilot: its id is derived from the pilot's. */
export const storyIdFor = (pilotId: string) => `story:${createHash('sha256').update(pilotId).digest('hex').slice(0, 24)}`;

/** What the library's search matches: every word must appear in it. */
export function searchTextOf(s: { pilotTitle: string; practiceName: string; teamName: string; authorName: string; tried: string; happened: string; change: string }): string {
  return [s.pilotTitle, s.practiceName, s.teamName, s.authorName, s.tried, s.happened, s.change].join(' \n ').toLowerCase().slice(0, 8000);
}

/** A library search: lower-cased words, all of which must match, and optional filters. */
export interface StoryQuery {
  words: string[];
  outcome?: Outcome;
  practiceId?: string;
  circleId?: string;
  authorId?: string;
  top: number;
}

/**
 * Where stories are kept: `story:` documents in `pilots`, next to the pilots they tell of (a link
 * from a new pilot is written on the pilot too). Every query and store call of the component is here.
 */
export class StoryRepository {
  constructor(private readonly store: Store) {}

  /** A story by id; ids that are not a story's are never read. */
  async find(tenantId: string, id: string): Promise<Story | undefined> {
    const story = id.startsWith('story:') ? await this.store.read<Story>('pilots', tenantId, id) : undefined;
    return story?.type === 'story' ? story : undefined;
  }

  /** Newest first, at most `top` (1–100: it is written into the SQL). */
  search(tenantId: string, q: StoryQuery): Promise<Story[]> {
    const top = Math.max(1, Math.min(100, Math.floor(q.top)));
    const clauses = ['c.tenantId = @tenantId', "c.type = 'story'"];
    const params: Record<string, unknown> = {};
    q.words.forEach((w, i) => {
      clauses.push(`CONTAINS(c.searchText, @w${i})`);
      params[`w${i}`] = w;
    });
    if (q.outcome) {
      clauses.push('c.outcome = @outcome');
      params.outcome = q.outcome;
    }
    if (q.practiceId) {
      clauses.push('c.practiceId = @practiceId');
      params.practiceId = q.practiceId;
    }
    if (q.circleId) {
      clauses.push('ARRAY_CONTAINS(c.circleIds, @circleId)');
      params.circleId = q.circleId;
    }
    if (q.authorId) {
      clauses.push('c.authorId = @me');
      params.me = q.authorId;
    }
    return this.store.all<Story>('pilots', tenantId, `SELECT TOP ${top} * FROM c WHERE ${clauses.join(' AND ')} ORDER BY c.publishedAt DESC`, params);
  }

  /** Which of these story ids are published. */
  async published(tenantId: string, ids: string[]): Promise<Set<string>> {
    const rows = await this.store.all<{ id: string }>('pilots', tenantId, "SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.type = 'story' AND ARRAY_CONTAINS(@ids, c.id)", { ids });
    return new Set(rows.map((s) => s.id));
  }

  /** Creates the pilot's story unless it has one, and says which happened. */
  createOnce(story: NewDoc<Story>): Promise<{ doc: Story; created: boolean }> {
    return this.store.createOnce<Story>('pilots', story);
  }

  /** ETag read-modify-write; `mutate` returns undefined to leave the story as it is. */
  change(tenantId: string, id: string, mutate: (s: Story) => Story | undefined): Promise<Story | undefined> {
    return this.store.update<Story>('pilots', tenantId, id, mutate);
  }

  /** Records on a pilot the story it builds on. */
  changePilot(tenantId: string, pilotId: string, mutate: (p: Pilot) => Pilot | undefined): Promise<Pilot | undefined> {
    return this.store.update<Pilot>('pilots', tenantId, pilotId, mutate);
  }
}
