import { idSchema, parseInput } from '../../domain/shared/validation';
import { authed, type ApiContext } from './context';

/**
 * A pilot's check-in round as its meeting sees it (the meeting side panel and stage tab).
 *
 *  GET  /api/pilots/:id/round         {round: MeetingRound | null}   anyone who may see the pilot
 *  POST /api/pilots/:id/round/close   {round}   its facilitator, or whoever manages the pilot;
 *                                     closing a closed round changes nothing (retries are safe)
 */
export function registerCheckinRoutes(ctx: ApiContext): void {
  const { server, domain } = ctx;
  const pilotOf = async (caller: Parameters<typeof domain.pilots.get>[0], id: unknown) => {
    const pilot = await domain.pilots.get(caller, parseInput(idSchema, String(id ?? '')));
    return { pilot, manages: await domain.pilots.canEdit(caller, pilot) };
  };

  server.get('/api/pilots/:id/round', authed(ctx, async (caller, req, res) => {
    const { pilot, manages } = await pilotOf(caller, req.params.id);
    res.send({ round: (await domain.checkins.meetingRound(caller, pilot, manages)) ?? null });
  }));

  server.post('/api/pilots/:id/round/close', authed(ctx, async (caller, req, res) => {
    const { pilot, manages } = await pilotOf(caller, req.params.id);
    res.send({ round: (await domain.checkins.closeFromMeeting(caller, pilot, manages)) ?? null });
  }));
}
