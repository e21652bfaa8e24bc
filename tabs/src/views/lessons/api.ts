import type { LessonReach, LessonView } from '../../../../domain/lessons';
import { enc, queryString, type ApiClient } from '../../api/client';

/** Micro-lessons' calls and shapes: the library in the reader's language, marking read, reach. */
export { LEADERSHIP_LEVELS, type LeadershipLevel } from '../../../../domain/lessons/model';
export type { LessonReach, LessonView };

export const listLessons = (api: ApiClient, filter: { level?: string; locale: string }, signal?: AbortSignal) =>
  api.get<{ lessons: LessonView[] }>(`/api/lessons${queryString(filter)}`, { signal }).then((r) => r.lessons);
export const markLessonRead = (api: ApiClient, id: string, locale: string) =>
  api.post<{ lesson: LessonView }>(`/api/lessons/${enc(id)}/read${queryString({ locale })}`).then((r) => r.lesson);
export const lessonReach = (api: ApiClient, locale: string, signal?: AbortSignal) =>
  api.get<{ reach: LessonReach[] }>(`/api/lessons/reach${queryString({ locale })}`, { signal }).then((r) => r.reach);
