import { randomUUID } from 'node:crypto';
import { EMPTY_HEALTH } from '../../domain/pilots';
import type { FeedbackItem } from '../../domain/feedback';
import type { Member, Team, TenantSettings } from '../../domain/directory';
import type { ManualClock } from '../../domain/shared/clock';
import type { TestApp } from '../../support/app';
import type { TeamsUser } from '../../support/teams';
import type { Observation, World } from './anonymity-world';

/**
 * The HTTP slice of the audit: a generated scenario replayed over the real routes (feedback
 * API, summary, export, signals, portfolio, the background tick with its daily batch) against
 * the running server and store, side by side with the simulation. Team ids are bot-installed
 * teams' (`19:…@thread.tacv2`), so every summary filter is exercised with them.
 */
export async function replayOverHttp(t: TestApp, clock: ManualClock, world: World): Promise<{ observations: Observation[]; mismatches: string[] }> {
  const tenantId = randomUUID();
  const users = new Map<string, string>();
  const real = (sim: string) => users.get(sim) ?? (users.set(sim, randomUUID()), users.get(sim)!);
  const simOf = new Map<string, string>();
  // Senior leaders and admins are so by their token's Entra app roles.
  const as = (sim: string): TeamsUser => ({ tenantId, userId: real(sim), name: sim, roles: (world.members.find((m) => m.userId === sim)?.roles ?? []).filter((r) => r === 'leader' || r === 'admin') });
  const teamId = (sim: string) => `team:19:${tenantId.slice(0, 8)}-${sim.slice(5)}@thread.tacv2`;
  const itemIds = new Map<string, string>();
  const mismatches: string[] = [];
  const observations: Observation[] = [];
  const digestsSeen = new Set<string>();
  const { store, domain } = t.app;

  await domain.directory.ensureTenant(tenantId);
  let present = new Set<string>();
  const syncDirectory = async () => {
    await store.update<TenantSettings>('directory', tenantId, 'settings', (s) => ({ ...s, anonymityThreshold: world.k, defaultTimeZone: world.plan.tz }));
    const members: Member[] = world.members.map((m) => ({
      id: `member:${real(m.userId)}`, tenantId, type: 'member', userId: real(m.userId), name: m.name, timeZone: 'UTC', roles: m.roles,
      // The bot goes by the app roles of a senior leader's last verified sign-in.
      ...(m.roles.includes('leader') ? { entraRoles: { roles: ['leader' as const], verifiedAt: '2027-01-01T00:00:00Z' } } : {}),
      teamIds: world.teams.filter((x) => x.memberIds?.includes(m.userId) || x.managerId === m.userId).map((x) => teamId(x.id)),
      ...(m.managerId ? { managerId: real(m.managerId) } : {}), ...(m.department ? { department: m.department } : {}), workDays: [1, 2, 3, 4, 5],
    }));
    const teams: Team[] = world.teams.map((x) => ({ id: teamId(x.id), tenantId, type: 'team', name: x.name, kind: 'channel', ...(x.department ? { department: x.department } : {}), managerId: real(x.managerId!), memberIds: (x.memberIds ?? []).map(real) }));
    for (const doc of [...members, ...teams]) await store.upsert('directory', doc);
    const now = new Set(members.map((m) => m.id));
    for (const gone of [...present].filter((id) => !now.has(id))) await store.delete('directory', tenantId, gone);
    present = now;
  };
  await syncDirectory();
  await store.bulkCreate('pilots', world.pilots.map((p) => ({ ...p, tenantId, teamId: teamId(p.teamId), managerId: real(p.managerId), health: EMPTY_HEALTH })));

  const api = (who: string, path: string, init: { method?: string; body?: unknown } = {}) => t.api(path, { as: as(who), ...init });
  const id = (sim: string) => encodeURIComponent(itemIds.get(sim) ?? 'feedback:00000000-0000-4000-8000-000000000000');

  for (const e of world.timeline()) {
    clock.set(e.instant!);
    const simObservations = world.observations.length;
    e.run();
    const last = world.last;
    if (e.kind === 'change') await syncDirectory();
    if (e.kind === 'write' && last?.kind === 'write') {
      const res = await api(last.userId, '/api/feedback', { method: 'POST', body: { audience: last.audience, topic: 'workload', text: `Item ${last.itemId ?? 'refused'}`, anonymous: last.anonymous } });
      if (last.itemId) {
        if (res.status !== 201) mismatches.push(`write ${last.itemId}: ${res.status}`);
        else {
          itemIds.set(last.itemId, res.body.item.id);
          simOf.set(res.body.item.id, last.itemId);
          const stored = (await store.read<FeedbackItem>('feedback', tenantId, res.body.item.id))!;
          const sim = world.items.find((i) => i.id === last.itemId)!;
          const simScope = JSON.stringify({ ...sim.scope, ...(sim.scope?.teamId ? { teamId: teamId(sim.scope.teamId) } : {}), ...(sim.scope?.within ? { within: sim.scope.within.map((w) => (w.startsWith('team:') ? `team:${teamId(w.slice(5))}` : w)).sort() } : {}) });
          const realScope = JSON.stringify({ ...stored.scope, ...(stored.scope?.within ? { within: [...stored.scope.within].sort() } : {}) });
          if (simScope !== realScope || sim.audience !== stored.audience) mismatches.push(`write ${last.itemId}: the routes attributed ${realScope}/${stored.audience}, the simulation ${simScope}/${sim.audience}`);
        }
      } else if (res.status !== 409) mismatches.push(`refused write answered ${res.status}`);
    }
    if (e.kind === 'owner' && last?.kind === 'owner') {
      const res = await api(last.actor, `/api/feedback/${id(last.itemId)}/act`, { method: 'POST', body: { note: 'Done.' } });
      if (res.status !== 200) mismatches.push(`act on ${last.itemId}: ${res.status}`);
    }
    if (e.kind === 'step' && last?.kind === 'step') {
      const [path, body] = last.step === 'reply' ? ['respond', { text: `Answer to ${last.itemId}` }] : ['confirm', { closed: last.step === 'confirm' }];
      const res = await api(last.userId, `/api/feedback/${id(last.itemId)}/${path}`, { method: 'POST', body });
      if (last.changed && res.status !== 200) mismatches.push(`${path} on ${last.itemId}: ${res.status}`);
    }
    if (e.kind === 'probe') {
      await t.app.background.tick();
      const observation = await observe(world.observations[simObservations]);
      observations.push(observation);
      // The routes and the simulation must agree on every label.
      const simLabels = new Map(world.observations[simObservations].items.map((x) => [`${x.viewer}|${x.view.id}`, JSON.stringify(x.view.from)]));
      const httpLabels = new Map(observation.items.map((x) => [`${x.viewer}|${x.view.id}`, JSON.stringify(x.view.from)]));
      for (const [k, v] of simLabels) if (httpLabels.get(k) !== v) mismatches.push(`${e.instant!.toISOString()} ${k}: routes ${httpLabels.get(k)}, simulation ${v}`);
      for (const k of httpLabels.keys()) if (!simLabels.has(k)) mismatches.push(`${e.instant!.toISOString()} ${k}: only the routes show it`);
    }
  }
  return { observations, mismatches };

  async function observe(sim: Observation): Promise<Observation> {
    const leaders = world.leaders;
    const managers = [...new Set(world.teams.map((x) => x.managerId!))].filter((m) => world.members.some((x) => x.userId === m));
    const items: Observation['items'] = [];
    for (const viewer of [...leaders, ...managers]) {
      const inbox = (await api(viewer, '/api/feedback/inbox')).body.items as any[];
      for (const view of inbox) {
        if (!simOf.has(view.id)) continue;
        // One item read alone says exactly what the list says.
        if (viewer === leaders[0] || managers.includes(viewer)) {
          const one = await api(viewer, `/api/feedback/${encodeURIComponent(view.id)}`);
          if (one.status !== 200 || JSON.stringify(one.body.item.from) !== JSON.stringify(view.from) || JSON.stringify(one.body.item.pilot) !== JSON.stringify(view.pilot)) mismatches.push(`GET ${view.id} differs from the inbox`);
        }
        items.push({ viewer, view: { ...view, id: simOf.get(view.id)! } });
      }
    }
    const summaries: Observation['summaries'] = [];
    const filters: Record<string, string>[] = [{}, ...world.teams.map((x) => ({ teamId: x.id })), ...['Ops', 'Lab', 'Sales'].filter((d) => sim.roster.departments().includes(d)).map((department) => ({ department }))];
    for (const weeks of [1, 12]) {
      for (const filter of weeks === 12 ? filters : [{}]) {
        const query = new URLSearchParams({ weeks: String(weeks), ...(filter.teamId ? { teamId: teamId(filter.teamId) } : {}), ...(filter.department ? { department: filter.department } : {}) });
        const res = await api(leaders[0], `/api/feedback/summary?${query}`);
        if (res.status !== 200) mismatches.push(`summary ${query}: ${res.status}`);
        summaries.push({ filter, weeks, summary: res.body });
      }
    }
    // Digests the tick just queued count only what their owner may see now.
    const digests = await store.all<{ id: string; target: { userId?: string }; data: { waiting: number } }>('outbox', tenantId, "SELECT c.id, c.target, c.data FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND c.kind = 'feedback_digest'");
    for (const d of digests.filter((x) => !digestsSeen.has(x.id))) {
      digestsSeen.add(d.id);
      const owner = [...users.entries()].find(([, r]) => r === d.target.userId)?.[0];
      const visible = items.filter((x) => x.viewer === owner).length;
      if (d.data.waiting > visible) mismatches.push(`digest for ${owner} counts ${d.data.waiting} items, they see ${visible}`);
    }
    const csv = await api(leaders[0], '/api/feedback/export.csv');
    if (csv.status !== 200) mismatches.push(`export: ${csv.status}`);
    const signals = (await api(leaders[0], '/api/signals')).body.signals;
    const portfolio = (await api(leaders[0], '/api/leader/portfolio')).body;
    portfolio.pilots = portfolio.pilots.map((p: any) => ({ ...p, id: world.pilots.find((x) => teamId(x.teamId) === p.teamId)!.id, teamId: world.pilots.find((x) => teamId(x.teamId) === p.teamId)!.teamId }));
    return { ...sim, items, summaries, signals, portfolio };
  }
}
