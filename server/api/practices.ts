import type { Request } from 'restify';
import { refusal } from '../../domain/shared/errors';
import { idSchema, parseInput } from '../../domain/shared/validation';
import { PROPOSAL_STATUSES, practiceInputSchema, practicePatchSchema, proposalInputSchema, type Practice, type ProposalStatus } from '../../domain/practices';
import { authed, type ApiContext } from './context';
import { queryParam, requireIfMatch, sendETag, withoutStorageFields } from './http';
import { invalid, problem } from '../../domain/shared/errors';

/**
 * The practice library as managed content (admins), and "adopt as practice" (managers propose,
 * admins decide). Thin faces over domain/practices. The library itself is read with
 * GET /api/practices (server/api/pilots.ts; `?retired=true` adds retired ones for admins).
 *
 *  GET   /api/practices/:id                   {practice} with an ETag header
 *  POST  /api/practices                       admin → 201 {practice}
 *  PATCH /api/practices/:id                   admin, If-Match → {practice} (edit or translate)
 *  POST  /api/practices/:id/retire|restore    admin → {practice}
 *  POST  /api/practice-proposals              {pilotId, name?, summary, pitfalls?} → 201|200 {proposal}
 *  GET   /api/practice-proposals?status=      admin → {proposals}
 *  POST  /api/practice-proposals/:id/approve|decline  admin → {proposal, practice?}
 */
const practiceView = (p: Practice) => ({ ...withoutStorageFields(p), etag: p._etag });
const idOf = (req: Request) => parseInput(idSchema, String(req.params.id ?? ''));

export function registerPracticeRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;

  server.get('/api/practices/:id', authed(ctx, async (caller, req, res) => {
    const practice = await domain.practices.get(caller, idOf(req));
    sendETag(res, practice);
    res.send({ practice: practiceView(practice) });
  }));

  server.post('/api/practices', authed(ctx, async (caller, req, res) => {
    const input = parseInput(practiceInputSchema, req.body);
    res.send(201, { practice: practiceView(await domain.practices.add(caller, input)) });
  }));

  server.patch('/api/practices/:id', authed(ctx, async (caller, req, res) => {
    const id = idOf(req);
    const etag = requireIfMatch(req);
    const patch = parseInput(practicePatchSchema, req.body);
    res.send({ practice: practiceView(await domain.practices.edit(caller, id, patch, etag)) });
  }));

  server.post('/api/practices/:id/:action', authed(ctx, async (caller, req, res) => {
    const action = String(req.params.action);
    if (action !== 'retire' && action !== 'restore') throw refusal('not_found', 'not_found', { thing: 'practice' });
    res.send({ practice: practiceView(await domain.practices.setRetired(caller, idOf(req), action === 'retire')) });
  }));

  server.post('/api/practice-proposals', authed(ctx, async (caller, req, res) => {
    const { proposal, created } = await domain.proposals.propose(caller, parseInput(proposalInputSchema, req.body));
    res.send(created ? 201 : 200, { proposal: withoutStorageFields(proposal) });
  }));

  server.get('/api/practice-proposals', authed(ctx, async (caller, req, res) => {
    const status = queryParam(req, 'status');
    if (status && !PROPOSAL_STATUSES.includes(status as ProposalStatus)) throw invalid([problem('status', 'invalid_choice', { options: PROPOSAL_STATUSES })]);
    const proposals = await domain.proposals.list(caller, status as ProposalStatus | undefined);
    res.send({ proposals: proposals.map(withoutStorageFields) });
  }));

  server.post('/api/practice-proposals/:id/:decision', authed(ctx, async (caller, req, res) => {
    const decision = String(req.params.decision);
    if (decision !== 'approve' && decision !== 'decline') throw refusal('not_found', 'not_found', { thing: 'proposal' });
    const { proposal, practice } = await domain.proposals.decide(caller, idOf(req), decision);
    res.send({ proposal: withoutStorageFields(proposal), ...(practice ? { practice: practiceView(practice) } : {}) });
  }));
}
