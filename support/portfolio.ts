import type { Running } from '../server/main';
import type { Doc } from '../store/cosmos';
import { deriveHealth, type PilotStatus, type RoundFigures } from '../domain/pilots';
import { DEFAULT_CADENCE } from '../domain/pilots';

/** A large portfolio, written straight to the store (the way bench/leader-api.ts seeds). */
const SEED_STATUSES: PilotStatus[] = ['active', 'active', 'active', 'paused', 'in_review', 'adopted', 'adapted', 'stopped', 'draft'];
const SEED_PRACTICES = ['Rotating facilitator', 'Weekly retro', 'Delegated decisions', 'Peer coaching', 'Decision log', 'No-meeting focus time', 'You said, we did', 'Recognition round', 'Skip-level coffee', 'Working out loud', 'Team charter', 'Blameless review'];

/**
 * `count` pilots in `tenantId` with up to eight weeks of round figures each (so health, trends
 * and signals vary), ids `pilot:bulk-<n>` and titles `Bulk pilot <n>` (zero-padded). Returns the ids.
 */
export async function seedPortfolio(app: Pick<Running, 'domain' | 'store'>, tenantId: string, count: number, opts: { start?: Date } = {}): Promise<string[]> {
  // By default the pilots started ten weeks before the app's today, on a Monday.
  const now = app.domain.clock.now();
  const monday = new Date(now.getTime() - ((now.getUTCDay() + 6) % 7) * 86_400_000);
  const start = opts.start ?? new Date(Date.UTC(monday.getUTCFullYear(), monday.getUTCMonth(), monday.getUTCDate() - 70, 12));
  const day = (offset: number) => new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const docs: Doc[] = [];
  const width = String(count - 1).length;
  for (let i = 0; i < count; i++) {
    const status = SEED_STATUSES[i % SEED_STATUSES.length];
    const weeks = status === 'draft' ? 0 : 3 + (i % 6);
    const figures: RoundFigures[] = Array.from({ length: weeks }, (_, w) => {
      const invited = 6 + (i % 5);
      const answered = Math.max(0, invited - ((i + w) % 4) - (i % 7 === 0 ? w : 0));
      const shown = answered >= 5;
      return {
        date: day(w * 7 + 1),
        invited,
        answered,
        confidence: shown ? Math.round((2.6 + ((i * 7 + w * 3) % 20) / 10) * 100) / 100 : null,
        autonomy: shown ? Math.round((4.2 - (i % 11 === 0 ? w * 0.4 : 0)) * 100) / 100 : null,
        workload: shown ? (i % 13 === 0 ? 2.2 : 3.4) : null,
      };
    });
    const practice = i % SEED_PRACTICES.length;
    const openFeedback = i % 17 === 0 ? 2 : i % 5 === 0 ? 1 : 0;
    docs.push({
      id: `pilot:bulk-${String(i).padStart(width, '0')}`,
      tenantId,
      type: 'pilot',
      title: `Bulk pilot ${String(i).padStart(width, '0')}`,
      practiceId: `practice:bulk-${practice}`,
      practiceName: SEED_PRACTICES[practice],
      hypothesis: 'If we try this practice for a few weeks, the team will feel more ownership.',
      successMeasures: ['People say they shape how we work'],
      teamId: `team:bulk-${i % 120}`,
      teamName: `Team ${String(i % 120).padStart(3, '0')}`,
      managerId: `bulk-manager-${i % 90}`,
      managerName: `Manager ${String(i % 90).padStart(2, '0')}`,
      cadence: DEFAULT_CADENCE,
      questions: [],
      startDate: day(0),
      endDate: day(70),
      status,
      learning: ['adopted', 'adapted', 'stopped'].includes(status) ? `What team ${i % 120} learned from pilot ${i}.` : undefined,
      createdAt: start.toISOString(),
      updatedAt: new Date(start.getTime() + (i % 50) * 3_600_000).toISOString(),
      roundFigures: figures,
      health: deriveHealth(figures, openFeedback, openFeedback ? 20 : 0),
    } as Doc);
  }
  await app.store.bulkCreate('pilots', docs);
  return docs.map((d) => d.id);
}
