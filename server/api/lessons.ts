import type { Request } from 'restify';
import { lessonFilterSchema } from '../../domain/lessons';
import { parseInput } from '../../domain/shared/validation';
import { authed, type ApiContext } from './context';
import { pathParam, queryStrings } from './http';

/**
 * Micro-lessons over the tab API: a thin face over domain/lessons. `locale` (en|es) picks the
 * language; lessons come as sanitised HTML (no raw HTML, https links only).
 *
 *  GET  /api/lessons?practiceId=&level=&locale=  {lessons: LessonView[]} everyone in the organisation
 *  GET  /api/lessons/reach?locale=               {reach: [{lessonId, title, practiceId?, level?, readers}]} senior leaders and admins: counts only
 *  GET  /api/lessons/:id?locale=                 {lesson: LessonView}
 *  POST /api/lessons/:id/read?locale=            marks it read by the caller (idempotent) → {lesson}
 *   LessonView: {id, title, html, minutes, practiceId?, level?, read}
 */
const localeOf = (req: Request) => parseInput(lessonFilterSchema.pick({ locale: true }), { locale: queryStrings(req).locale }).locale ?? 'en';

export function registerLessonRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;

  server.get('/api/lessons', authed(ctx, async (caller, req, res) => {
    const { practiceId, level, locale } = parseInput(lessonFilterSchema, queryStrings(req));
    res.send({ lessons: await domain.lessons.list(caller, { practiceId, level }, locale ?? 'en') });
  }));

  server.get('/api/lessons/reach', authed(ctx, async (caller, req, res) => {
    res.send({ reach: await domain.lessons.reach(caller, localeOf(req)) });
  }));

  server.get('/api/lessons/:id', authed(ctx, async (caller, req, res) => {
    res.send({ lesson: await domain.lessons.get(caller, pathParam(req, 'id'), localeOf(req)) });
  }));

  server.post('/api/lessons/:id/read', authed(ctx, async (caller, req, res) => {
    res.send({ lesson: await domain.lessons.markRead(caller, pathParam(req, 'id'), localeOf(req)) });
  }));
}
