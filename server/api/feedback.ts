import type { Request } from 'restify';
import { thresholdSchema, THRESHOLD_MAX, THRESHOLD_MIN } from '../../domain/anonymity';
import {
  acknowledgeSchema,
  actSchema,
  closeSchema,
  confirmSchema,
  feedbackInputSchema,
  replySchema,
  summaryFilterSchema,
} from '../../domain/feedback';
import { idSchema, parseInput } from '../../domain/shared/validation';
import { groupName, word } from '../../i18n';
import { requestLocale } from '../../platform/http';
import { spendNotify } from '../../domain/shared/rate-limits';
import { authed, type ApiContext } from './context';
import { idempotencyKey, pathSegment, queryStrings } from './http';

/**
 * Feedback loops over the tab API. Every route is a thin face over domain/feedback; inputs
 * are parsed here with zod (400 naming each field) and nothing else is decided at this edge.
 *
 *  POST /api/feedback                      give feedback (Idempotency-Key honoured) → 201 {item, notice?}
 *  GET  /api/feedback/options              what the form offers (topics, my manager, my pilots)
 *  GET  /api/feedback/mine                 what I gave, with replies and state
 *  GET  /api/feedback/inbox                what waits on me (owner / senior leader views)
 *  GET  /api/feedback/summary              counts per group (leaders, admins): ?teamId=&department=&weeks=
 *  GET  /api/feedback/export.csv           the same as CSV (recorded in the audit log)
 *  GET  /api/feedback/:id                  one item, as owner or as contributor
 *  POST /api/feedback/:id/acknowledge      owner: {note?, dueDate?}
 *  POST /api/feedback/:id/act              owner: {note} ("you said, we did")
 *  POST /api/feedback/:id/close            owner: {note?}
 *  POST /api/feedback/:id/reply            owner → contributor: {text}
 *  POST /api/feedback/:id/respond          contributor → owner: {text}
 *  POST /api/feedback/:id/confirm          contributor: {closed, text?}
 *  GET  /api/signals                       pitfall signals with reasons (leaders, admins)
 *  GET  /api/settings/anonymity            the tenant's threshold
 *  PUT  /api/settings/anonymity            admins: {anonymityThreshold: 3..25} (a change is recorded in the audit log)
 */
// A bad id is reported as the body's field (not the segment's, as pathParam would): clients rely on that shape.
function feedbackId(req: Request): string {
  return parseInput(idSchema, pathSegment(req, 'id'));
}

const filterOf = (req: Request) => parseInput(summaryFilterSchema, queryStrings(req));

export function registerFeedbackRoutes(ctx: ApiContext): void {
  const { server } = ctx;
  const feedback = ctx.domain.feedback;

  server.post('/api/feedback', authed(ctx, async (caller, req, res) => {
    const input = parseInput(feedbackInputSchema, req.body);
    const { item, created, notices } = await feedback.give(caller, input, idempotencyKey(req));
    res.send(created ? 201 : 200, { item, notices });
  }));

  server.get('/api/feedback/options', authed(ctx, async (caller, req, res) => {
    const options = await feedback.formOptions(caller);
    res.send({ ...options, topics: options.topics.map((value) => ({ value, label: word(requestLocale(req), `topic.${value}`) })) });
  }));

  server.get('/api/feedback/mine', authed(ctx, async (caller, _req, res) => {
    res.send({ items: await feedback.mine(caller) });
  }));

  server.get('/api/feedback/inbox', authed(ctx, async (caller, _req, res) => {
    res.send({ items: await feedback.inbox(caller) });
  }));

  server.get('/api/feedback/summary', authed(ctx, async (caller, req, res) => {
    res.send(await feedback.summary(caller, filterOf(req)));
  }));

  server.get('/api/feedback/export.csv', authed(ctx, async (caller, req, res) => {
    const locale = requestLocale(req);
    const filter = filterOf(req);
    const csv = await feedback.exportCsv(caller, (label) => groupName(locale, label), filter);
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="leaderful-feedback.csv"',
      'cache-control': 'no-store',
    });
    res.end(csv);
  }));

  server.get('/api/feedback/:id', authed(ctx, async (caller, req, res) => {
    res.send(await feedback.get(caller, feedbackId(req)));
  }));

  server.post('/api/feedback/:id/acknowledge', authed(ctx, async (caller, req, res) => {
    spendNotify(ctx.limits, caller); // the other side of the thread hears of it
    const input = parseInput(acknowledgeSchema, req.body ?? {});
    res.send({ item: await feedback.acknowledge(caller, feedbackId(req), input) });
  }));

  server.post('/api/feedback/:id/act', authed(ctx, async (caller, req, res) => {
    spendNotify(ctx.limits, caller); // the other side of the thread hears of it
    const { note } = parseInput(actSchema, req.body ?? {});
    res.send({ item: await feedback.act(caller, feedbackId(req), note) });
  }));

  server.post('/api/feedback/:id/close', authed(ctx, async (caller, req, res) => {
    spendNotify(ctx.limits, caller); // the other side of the thread hears of it
    const { note } = parseInput(closeSchema, req.body ?? {});
    res.send({ item: await feedback.close(caller, feedbackId(req), note) });
  }));

  server.post('/api/feedback/:id/reply', authed(ctx, async (caller, req, res) => {
    spendNotify(ctx.limits, caller); // the other side of the thread hears of it
    const { text } = parseInput(replySchema, req.body ?? {});
    res.send({ item: await feedback.reply(caller, feedbackId(req), text, idempotencyKey(req)) });
  }));

  server.post('/api/feedback/:id/respond', authed(ctx, async (caller, req, res) => {
    spendNotify(ctx.limits, caller); // the other side of the thread hears of it
    const { text } = parseInput(replySchema, req.body ?? {});
    res.send({ item: await feedback.respond(caller, feedbackId(req), text, idempotencyKey(req)) });
  }));

  server.post('/api/feedback/:id/confirm', authed(ctx, async (caller, req, res) => {
    spendNotify(ctx.limits, caller); // the other side of the thread hears of it
    const { closed, text } = parseInput(confirmSchema, req.body ?? {});
    res.send({ item: await feedback.confirm(caller, feedbackId(req), closed, text) });
  }));

  server.get('/api/signals', authed(ctx, async (caller, _req, res) => {
    res.send(await feedback.signals(caller));
  }));

  server.get('/api/settings/anonymity', authed(ctx, async (caller, _req, res) => {
    res.send({ anonymityThreshold: await feedback.threshold(caller.tenantId), min: THRESHOLD_MIN, max: THRESHOLD_MAX });
  }));

  server.put('/api/settings/anonymity', authed(ctx, async (caller, req, res) => {
    const { anonymityThreshold } = parseInput(thresholdSchema, req.body ?? {});
    const after = await feedback.setThreshold(caller, anonymityThreshold);
    res.send({ anonymityThreshold: after, min: THRESHOLD_MIN, max: THRESHOLD_MAX });
  }));
}
