import type { Request } from 'restify';
import { z } from 'zod';
import { checkinCard } from '../../bot/checkins/cards';
import { LOCALES } from '../../i18n';
import { QUESTION_BANK, questionsSchema, settleQuestions } from '../../domain/practices';
import { invalid, problem, refusal } from '../../domain/shared/errors';
import { PILOT_STATUSES, type Pilot, type PilotAction, type PilotStatus } from '../../domain/pilots';
import { idSchema, parseInput } from '../../domain/shared/validation';
import { closePilotSchema, pilotInputSchema, pilotPatchSchema } from '../../domain/pilots';
import type { Disclosure } from '../../domain/anonymity';
import { authed, type ApiContext } from './context';
import { idempotencyKey, queryParam, requireIfMatch, sendETag, withoutStorageFields } from './http';

/**
 * Pilots and the practice library over the tab API. Thin faces over domain/pilots and practices.
 *
 *  GET   /api/practices?retired=             {practices, questionBank} (retired ones too: admins only)
 *  GET   /api/pilots?status=&teamId=&mine=    {pilots: PilotView[]}
 *  GET   /api/pilots/:id                      {pilot} with an ETag header
 *  POST  /api/pilots                          (Idempotency-Key honoured) → 201|200 {pilot}
 *  PATCH /api/pilots/:id                      If-Match required → {pilot}
 *  POST  /api/pilots/:id/close                {outcome, learning} → {pilot}
 *  POST  /api/pilots/:id/measures/:index/met  → {pilot}
 *  POST  /api/pilots/:id/launch|pause|resume|review → {pilot}
 *  POST  /api/checkin-preview                {title, questions, locale} → {card}: the check-in card
 *                                             members would get (nothing is stored)
 *   PilotView: the pilot without storage internals, plus {etag, canEdit}
 */
const ACTIONS: PilotAction[] = ['launch', 'pause', 'resume', 'review'];

/** What the pilot form's live preview sends: the questions as they stand, checked as saving checks them. */
export const checkinPreviewSchema = z
  .object({
    title: z.string().trim().max(120).default(''),
    questions: questionsSchema,
    locale: z.enum(LOCALES).default('en'),
  })
  .strict();

function pilotId(req: Request): string {
  return parseInput(idSchema, String(req.params.id ?? ''));
}

/** The `status` filter of pilot lists (here and in the leader view). */
export function statusParam(req: Request): PilotStatus | undefined {
  const status = queryParam(req, 'status');
  if (status && !PILOT_STATUSES.includes(status as PilotStatus)) {
    throw invalid([problem('status', 'invalid_choice', { options: PILOT_STATUSES })]);
  }
  return status as PilotStatus | undefined;
}

/**
 * What the tab gets for a pilot: the document without storage internals, plus what it may do.
 * Its health as disclosure allows (no counts of anonymous items about a team below k).
 */
function view(pilot: Pilot, canEdit: boolean, disclosure: Disclosure) {
  return { ...withoutStorageFields(disclosure.pilot(pilot)), etag: pilot._etag, canEdit };
}

export function registerPilotRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;
  const disclosed = async (tenantId: string) => (await domain.disclosure.load(tenantId)).disclosure;

  server.get('/api/practices', authed(ctx, async (caller, req, res) => {
    const practices = await domain.practices.list(caller, { retired: queryParam(req, 'retired') === 'true' });
    res.send({ practices: practices.map(withoutStorageFields), questionBank: QUESTION_BANK });
  }));

  // The card is the one the bot sends, so the tab previews exactly what Teams will show.
  server.post('/api/checkin-preview', authed(ctx, async (_caller, req, res) => {
    const { title, questions, locale } = parseInput(checkinPreviewSchema, req.body);
    const closesAt = new Date(domain.clock.now().getTime() + 24 * 3600_000).toISOString();
    const card = checkinCard({ roundId: 'round:preview', pilotTitle: title || '…', closesAt, questions: settleQuestions(questions, {}) }, locale);
    res.send({ card: card.content });
  }));

  server.get('/api/pilots', authed(ctx, async (caller, req, res) => {
    const status = statusParam(req);
    const pilots = await domain.pilots.list(caller, {
      status,
      teamId: queryParam(req, 'teamId'),
      mine: queryParam(req, 'mine') === 'true',
    });
    const [editable, d] = await Promise.all([domain.pilots.editable(caller, pilots), disclosed(caller.tenantId)]);
    res.send({ pilots: pilots.map((p) => view(p, editable.has(p.id), d)) });
  }));

  server.get('/api/pilots/:id', authed(ctx, async (caller, req, res) => {
    const pilot = await domain.pilots.get(caller, pilotId(req));
    sendETag(res, pilot);
    res.send({ pilot: view(pilot, await domain.pilots.canEdit(caller, pilot), await disclosed(caller.tenantId)) });
  }));

  server.post('/api/pilots', authed(ctx, async (caller, req, res) => {
    const input = parseInput(pilotInputSchema, req.body);
    const { pilot, created } = await domain.pilots.create(caller, input, idempotencyKey(req));
    res.send(created ? 201 : 200, { pilot: view(pilot, true, await disclosed(caller.tenantId)) });
  }));

  server.patch('/api/pilots/:id', authed(ctx, async (caller, req, res) => {
    const id = pilotId(req);
    const etag = requireIfMatch(req);
    const patch = parseInput(pilotPatchSchema, req.body);
    const pilot = await domain.pilots.edit(caller, id, patch, etag);
    res.send({ pilot: view(pilot, true, await disclosed(caller.tenantId)) });
  }));

  server.post('/api/pilots/:id/close', authed(ctx, async (caller, req, res) => {
    const { outcome, learning } = parseInput(closePilotSchema, req.body);
    const pilot = await domain.pilots.close(caller, pilotId(req), outcome, learning);
    res.send({ pilot: view(pilot, true, await disclosed(caller.tenantId)) });
  }));

  server.post('/api/pilots/:id/measures/:index/met', authed(ctx, async (caller, req, res) => {
    const index = Number(req.params.index);
    const pilot = await domain.pilots.markMeasureMet(caller, pilotId(req), index);
    res.send({ pilot: view(pilot, true, await disclosed(caller.tenantId)) });
  }));

  server.post('/api/pilots/:id/:action', authed(ctx, async (caller, req, res) => {
    const action = String(req.params.action) as PilotAction;
    if (!ACTIONS.includes(action)) throw refusal('not_found', 'pilot.unknown_action', { action: String(req.params.action).slice(0, 40) });
    const pilot = await domain.pilots.transition(caller, pilotId(req), action);
    res.send({ pilot: view(pilot, true, await disclosed(caller.tenantId)) });
  }));
}
