import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../support/app';
import { installInTeamActivity, rosterOf, type TeamsUser } from '../../support/teams';

/** A fresh tenant with the bot installed in one team channel, and a launched pilot. */
export interface Scenario {
  tenantId: string;
  manager: TeamsUser;
  members: TeamsUser[];
  teamId: string;
  channelPrefix: string;
  pilotId: string;
}

export async function installedTeam(t: TestApp, opts: { members?: number; pilot?: Record<string, unknown> } = {}): Promise<Scenario> {
  const tenantId = randomUUID();
  const person = (name: string): TeamsUser => ({ tenantId, userId: randomUUID(), name });
  const manager = person('Maria Manager');
  const members = Array.from({ length: opts.members ?? 3 }, (_, i) => person(`Member ${i + 1}`));
  const teamsTeamId = `19:${randomUUID()}@thread.tacv2`;
  t.connector.members = rosterOf(tenantId, [manager, ...members]);
  // The manager owns the team in Teams: that is what makes them its manager.
  const aadGroupId = t.teamInGraph(tenantId, [manager], members);
  const res = await t.activity(installInTeamActivity(t.connector.url, manager, { teamsTeamId, name: 'Scenario team', aadGroupId }));
  if (res.status !== 200) throw new Error(`install failed: ${res.status}`);
  const teamId = `team:${teamsTeamId}`;
  const created = await t.api('/api/pilots', {
    as: manager,
    body: {
      title: 'Scenario pilot',
      practiceId: 'practice:weekly-retro',
      hypothesis: 'A weekly retro helps us improve a little every week.',
      successMeasures: ['One improvement a week', 'Participation above 80%'],
      teamId,
      startDate: '2027-01-04',
      endDate: '2027-02-26',
      ...opts.pilot,
    },
  });
  if (created.status !== 201) throw new Error(`pilot failed: ${JSON.stringify(created.body)}`);
  const pilotId = created.body.pilot.id;
  await t.api(`/api/pilots/${encodeURIComponent(pilotId)}/launch`, { as: manager, method: 'POST' });
  return { tenantId, manager, members, teamId, channelPrefix: teamsTeamId, pilotId };
}
