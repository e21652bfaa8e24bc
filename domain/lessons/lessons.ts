import type { Store } from '../ports/store';
import type { Clock } from '../shared/clock';
import { forbidden, notFound } from '../shared/errors';
import { hasRole, type Caller } from '../shared/caller';
/** The languages lessons are written in. */
export type LessonLocale = 'en' | 'es';
import type { Outbox } from '../outbox/outbox';
import type { Pilot } from '../pilots/model';
import { BUILT_IN_LESSONS } from './library';
import type { LeadershipLevel, Lesson, LessonReason } from './model';
import { renderLesson } from './render';
import { LessonRepository } from './repository';

export interface LessonView {
  id: string;
  title: string;
  /** The lesson as sanitised HTML (no raw HTML, https links only). */
  html: string;
  minutes: number;
  practiceId?: string;
  level?: LeadershipLevel;
  read: boolean;
}

export interface LessonReach {
  lessonId: string;
  title: string;
  practiceId?: string;
  level?: LeadershipLevel;
  /** How many people marked it read: a count, never who. */
  readers: number;
}

export const lessonById = (id: string): Lesson | undefined => BUILT_IN_LESSONS.find((l) => l.id === id);

/** A lesson's words in the reader's language. */
export function localizedLesson(lesson: Lesson, locale: LessonLocale): { title: string; body: string } {
  return locale === 'es' ? lesson.translations.es : lesson;
}

/** The lessons for a practice, then those for a level (a pilot from scratch has only the level's). */
export function lessonsFor(practiceId: string | undefined, level: LeadershipLevel): Lesson[] {
  return [...BUILT_IN_LESSONS.filter((l) => practiceId && l.practiceId === practiceId), ...BUILT_IN_LESSONS.filter((l) => l.level === level)];
}

/** The lesson that comes with a pilot's launch: its practice's, or leading a team. */
export const launchLesson = (pilot: Pick<Pilot, 'practiceId'>): Lesson => lessonsFor(pilot.practiceId, 'direct')[0];

/**
 * "Tip of the week": the first check-in card of each week of a pilot carries one, taking the
 * practice's lessons and then the personal ones in turn.
 */
export function tipOfTheWeek(pilot: Pick<Pilot, 'practiceId' | 'cadence'>, roundNumber: number): Lesson | undefined {
  const perWeek = Math.max(1, pilot.cadence.weekdays.length);
  if ((roundNumber - 1) % perWeek !== 0) return undefined;
  const pool = lessonsFor(pilot.practiceId, 'self');
  return pool[Math.floor((roundNumber - 1) / perWeek) % pool.length];
}

/**
 * Micro-lessons: the built-in library (en + es) attached to practices and leadership levels;
 * readers mark them read; leaders see reach as counts; lessons arrive with a pilot's launch, as
 * a check-in's tip of the week and with a circle convenor's election.
 */
export class Lessons {
  private readonly repo: LessonRepository;

  constructor(
    store: Store,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {
    this.repo = new LessonRepository(store);
  }

  async list(caller: Caller, filter: { practiceId?: string; level?: LeadershipLevel }, locale: LessonLocale): Promise<LessonView[]> {
    const read = await this.repo.readBy(caller.tenantId, caller.userId);
    return BUILT_IN_LESSONS.filter((l) => (!filter.practiceId || l.practiceId === filter.practiceId) && (!filter.level || l.level === filter.level)).map((l) => view(l, locale, read.has(l.id)));
  }

  async get(caller: Caller, id: string, locale: LessonLocale): Promise<LessonView> {
    const lesson = lessonById(id);
    if (!lesson) throw notFound('lesson');
    const read = await this.repo.readBy(caller.tenantId, caller.userId);
    return view(lesson, locale, read.has(id));
  }

  /** Marks a lesson read by the caller (once, however often it is marked). */
  async markRead(caller: Caller, id: string, locale: LessonLocale): Promise<LessonView> {
    const lesson = lessonById(id);
    if (!lesson) throw notFound('lesson');
    await this.repo.markRead(caller.tenantId, id, caller.userId, this.clock.now().toISOString());
    return view(lesson, locale, true);
  }

  /** Reach for senior leaders and admins: how many read each lesson, never who. */
  async reach(caller: Caller, locale: LessonLocale): Promise<LessonReach[]> {
    if (!hasRole(caller, 'leader', 'admin')) throw forbidden('lesson.reach_leaders_only');
    const counts = await this.repo.readCounts(caller.tenantId);
    return BUILT_IN_LESSONS.map((l) => ({ lessonId: l.id, title: localizedLesson(l, locale).title, ...(l.practiceId ? { practiceId: l.practiceId } : {}), ...(l.level ? { level: l.level } : {}), readers: counts.get(l.id) ?? 0 }));
  }

  /** A lesson arrives in the team's conversation as its pilot launches (once per pilot). */
  async pilotLaunched(pilot: Pilot): Promise<void> {
    if (pilot.circleId) return;
    await this.send(pilot.tenantId, `lesson-launch:${pilot.id}`, { kind: 'team', teamId: pilot.teamId }, launchLesson(pilot), 'launch', { pilotTitle: pilot.title });
  }

  private async send(tenantId: string, key: string, target: Parameters<Outbox['enqueue']>[3], lesson: Lesson, reason: LessonReason, context: Record<string, string>): Promise<void> {
    await this.outbox.enqueue(tenantId, key, 'lesson', target, { lessonId: lesson.id, reason, ...context });
  }
}

function view(l: Lesson, locale: LessonLocale, read: boolean): LessonView {
  const text = localizedLesson(l, locale);
  return { id: l.id, title: text.title, html: renderLesson(text.body), minutes: l.minutes, ...(l.practiceId ? { practiceId: l.practiceId } : {}), ...(l.level ? { level: l.level } : {}), read };
}
