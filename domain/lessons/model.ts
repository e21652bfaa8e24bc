import type { Doc } from '../ports/store';
import { LEADERSHIP_LEVELS, type LeadershipLevel } from '../paths/model';

export { LEADERSHIP_LEVELS, type LeadershipLevel };

/** A lesson's words in one language: a title and a few minutes of Markdown. */
export interface LessonText {
  title: string;
  body: string;
}

/**
 * A micro-lesson: a few minutes of reading attached to a practice or to a leadership level
 * (self, direct, group, executive). The library is built in, in English and Spanish.
 */
export interface Lesson extends LessonText {
  id: string;
  minutes: number;
  practiceId?: string;
  level?: LeadershipLevel;
  translations: { es: LessonText };
}

/**
 * directory: `lessonread:<hash>` — that one person read one lesson. Reach is counted from these
 * and only ever shown as counts.
 */
export interface LessonRead extends Doc {
  type: 'lesson_read';
  lessonId: string;
  userId: string;
  readAt: string;
}

/** Why a lesson arrived in a card: with a pilot's launch, as a check-in's tip, to a new convenor. */
export const LESSON_REASONS = ['launch', 'tip', 'convenor'] as const;
export type LessonReason = (typeof LESSON_REASONS)[number];
