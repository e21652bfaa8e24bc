import { createHash } from 'node:crypto';
import type { Store } from '../ports/store';
import type { LessonRead } from './model';

/** Every store call of lessons: who read what (one document per reader and lesson). */
export class LessonRepository {
  constructor(private readonly store: Store) {}

  static readId(tenantId: string, lessonId: string, userId: string): string {
    return `lessonread:${createHash('sha256').update(`${tenantId}|${lessonId}|${userId}`).digest('hex').slice(0, 40)}`;
  }

  /** Records a read once; a retried or repeated mark is the same document. */
  async markRead(tenantId: string, lessonId: string, userId: string, readAt: string): Promise<void> {
    await this.store.createOnce<LessonRead>('directory', { id: LessonRepository.readId(tenantId, lessonId, userId), tenantId, type: 'lesson_read', lessonId, userId, readAt });
  }

  /** The lessons this person has read. */
  async readBy(tenantId: string, userId: string): Promise<Set<string>> {
    const rows = await this.store.all<{ lessonId: string }>('directory', tenantId, "SELECT c.lessonId FROM c WHERE c.tenantId = @tenantId AND c.type = 'lesson_read' AND c.userId = @userId", { userId });
    return new Set(rows.map((r) => r.lessonId));
  }

  /** How many people read each lesson (the lesson ids only: never who). */
  async readCounts(tenantId: string): Promise<Map<string, number>> {
    const rows = await this.store.all<{ lessonId: string }>('directory', tenantId, "SELECT c.lessonId FROM c WHERE c.tenantId = @tenantId AND c.type = 'lesson_read'");
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.lessonId, (counts.get(r.lessonId) ?? 0) + 1);
    return counts;
  }
}
