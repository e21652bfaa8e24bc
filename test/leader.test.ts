import { randomUUID } from 'node:crypto';
import { demoUser, startTestApp, type TestApp } from '../support/app';
import { word } from '../i18n';
import { FIRST_ROWS } from '../domain/portfolio';
import { seedPortfolio } from '../support/portfolio';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const avery = demoUser('Avery'); // senior leader
const alex = demoUser('Alex'); // admin
const morgan = demoUser('Morgan'); // manager

describe('leader view API', () => {
  test('a senior leader sees every pilot, riskiest first, with health, outcomes and trends', async () => {
    const res = await t.api('/api/leader/portfolio', { as: avery });
    expect(res.status).toBe(200);
    const { pilots, totals, outcomes, trend, facets } = res.body;
    expect(totals.pilots).toBe(8);
    expect(new Set(pilots.map((p: any) => p.teamId))).toEqual(new Set(['team:demo-ops', 'team:demo-care', 'team:demo-eng']));
    const rank = { at_risk: 0, watch: 1, good: 2, unknown: 3 } as Record<string, number>;
    const ranks = pilots.map((p: any) => rank[p.health.level]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // Signals carry their reasons.
    const retro = pilots.find((p: any) => p.id === 'pilot:demo-retro');
    expect(retro.health.signals.map((s: any) => s.kind)).toContain('micromanagement');
    const micromanagement = retro.health.signals.find((s: any) => s.kind === 'micromanagement');
    expect(micromanagement).toMatchObject({ code: 'signal.autonomy_fell', params: { from: expect.any(Number), to: expect.any(Number), rounds: expect.any(Number) } });
    expect(word('en', micromanagement.code, micromanagement.params)).toMatch(/Autonomy answers fell from \d\.\d to \d\.\d/);
    expect(retro.health.rounds).toBe(6);
    expect(retro.trend).toBeUndefined();
    // Practice outcomes with what was learned.
    const ysywd = outcomes.find((o: any) => o.practiceId === 'practice:you-said-we-did');
    expect(ysywd).toMatchObject({ adopted: 1, adapted: 0, stopped: 0 });
    expect(ysywd.learnings[0].learning).toMatch(/twice as much feedback/);
    // Weekly trend across pilots, oldest first.
    expect(trend.length).toBeGreaterThan(3);
    expect(trend.map((w: any) => w.week)).toEqual([...trend.map((w: any) => w.week)].sort());
    expect(trend.every((w: any) => w.participation === null || (w.participation >= 0 && w.participation <= 1))).toBe(true);
    expect(facets.managers.map((m: any) => m.name)).toEqual(['Jordan Silva', 'Morgan Lee', 'Priya Raman']);
  });

  test('filters by status, practice, team and manager', async () => {
    const q = async (query: string) => (await t.api(`/api/leader/portfolio?${query}`, { as: alex })).body.pilots.map((p: any) => p.id).sort();
    expect(await q('status=active')).toEqual(['pilot:demo-facilitator', 'pilot:demo-retro']);
    expect(await q('teamId=team:demo-eng')).toEqual(['pilot:demo-coaching', 'pilot:demo-log', 'pilot:demo-ysywd']);
    expect(await q('practiceId=practice:weekly-retro')).toEqual(['pilot:demo-retro']);
    expect(await q(`managerId=${morgan.userId}&status=draft`)).toEqual(['pilot:demo-decisions']);
    expect((await t.api('/api/leader/portfolio?status=bogus', { as: alex })).status).toBe(400);
  });

  test('managers, members and other tenants cannot open it', async () => {
    expect((await t.api('/api/leader/portfolio', { as: morgan })).status).toBe(403);
    expect((await t.api('/api/leader/portfolio', { as: demoUser('Sam') })).status).toBe(403);
    const stranger = { tenantId: randomUUID(), userId: randomUUID(), name: 'Stranger' };
    expect((await t.api('/api/leader/portfolio', { as: stranger })).status).toBe(403);
    expect((await t.api('/api/leader/pilots.csv', { as: morgan })).status).toBe(403);
  });

  test('CSV export: one row per pilot, and text cannot run as a spreadsheet formula', async () => {
    const created = await t.api('/api/pilots', {
      as: morgan,
      body: { title: '=HYPERLINK("http://evil.example","click")', hypothesis: 'A hypothesis long enough.', successMeasures: ['Measure one'], teamId: 'team:demo-ops', startDate: '2027-01-04', endDate: '2027-02-01' },
    });
    expect(created.status).toBe(201);
    const res = await fetch(`${t.url}/api/leader/pilots.csv`, { headers: { authorization: `Bearer ${await t.token(avery)}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('leaderful-pilots.csv');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toContain('"Pilot","Practice","Team"');
    expect(lines).toHaveLength(1 + 9);
    expect(lines.some((l) => l.startsWith('"\'=HYPERLINK(""http://evil.example"",""click"")"'))).toBe(true);
    expect(lines.some((l) => l.startsWith('"=HYPERLINK'))).toBe(false);
  });

  test('first rows: the grid\'s first pilots in its order with only its columns, and the totals; scoped to the tenant and to leaders', async () => {
    // A tenant of its own with more pilots than the first answer carries.
    const tenantId = randomUUID();
    await seedPortfolio(t.app, tenantId, FIRST_ROWS * 3);
    const lee = { tenantId, userId: randomUUID(), name: 'Lee Leader', roles: ['leader'] };
    const whole = (await t.api('/api/leader/portfolio', { as: lee })).body;
    const first = await t.api('/api/leader/portfolio/first', { as: lee });
    expect(first.status).toBe(200);
    expect(first.body.totals).toEqual(whole.totals);
    expect(first.body.totals.pilots).toBe(FIRST_ROWS * 3);
    expect(first.body.pilots.map((p: any) => p.id)).toEqual(whole.pilots.slice(0, FIRST_ROWS).map((p: any) => p.id));
    expect(Object.keys(first.body).sort()).toEqual(['pilots', 'totals']);
    const { practiceId: _p, teamId: _t, managerId: _m, startDate: _s, endDate: _e, ...shown } = whole.pilots[0];
    expect(first.body.pilots[0]).toEqual(shown);
    expect(JSON.stringify(first.body).length).toBeLessThan(JSON.stringify(whole).length / 2);

    // The same filters as the whole portfolio.
    const active = (await t.api('/api/leader/portfolio/first?status=active', { as: lee })).body;
    expect(active.totals.pilots).toBe(whole.totals.byStatus.active);
    expect(new Set(active.pilots.map((p: any) => p.status))).toEqual(new Set(['active']));
    expect((await t.api('/api/leader/portfolio/first?status=bogus', { as: lee })).status).toBe(400);

    // The demo tenant's leader sees only the demo's eight; managers, members and strangers nothing.
    const demo = (await t.api('/api/leader/portfolio/first', { as: avery })).body;
    expect(demo.totals.pilots).toBe((await t.api('/api/leader/portfolio', { as: avery })).body.totals.pilots);
    expect(demo.pilots.some((p: any) => p.title.startsWith('Bulk pilot'))).toBe(false);
    expect((await t.api('/api/leader/portfolio/first', { as: morgan })).status).toBe(403);
    expect((await t.api('/api/leader/portfolio/first', { as: demoUser('Sam') })).status).toBe(403);
    expect((await t.api('/api/leader/portfolio/first', { as: { tenantId, userId: randomUUID(), name: 'Member' } })).status).toBe(403);
  });

  test('first rows match the portfolio whatever today\'s k withholds of the averages a health drew on, also for health stored before it carried their count', async () => {
    const tenantId = randomUUID();
    const ids = await seedPortfolio(t.app, tenantId, FIRST_ROWS * 2);
    const lee = { tenantId, userId: randomUUID(), name: 'Lee Leader', roles: ['leader'] };
    const admin = { tenantId, userId: randomUUID(), name: 'Ada Admin', roles: ['admin'] };
    const rowOf = ({ practiceId: _p, teamId: _t, managerId: _m, startDate: _s, endDate: _e, ...row }: any) => row;
    const agree = async () => {
      const whole = (await t.api('/api/leader/portfolio', { as: lee })).body;
      const first = (await t.api('/api/leader/portfolio/first', { as: lee })).body;
      expect(first.pilots).toEqual(whole.pilots.slice(0, FIRST_ROWS).map(rowOf));
      expect(first.totals).toEqual(whole.totals);
      return whole;
    };
    const at5 = await agree();
    // How few people an average was over is never shown.
    expect(JSON.stringify(at5)).not.toContain('meansFrom');
    // Raised to 7: averages over 5 or 6 people are withheld now, and the health derived from them changes.
    expect((await t.api('/api/settings/anonymity', { as: admin, method: 'PUT', body: { anonymityThreshold: 7 } })).status).toBe(200);
    const at7 = await agree();
    const changed = at7.pilots.filter((p: any) => JSON.stringify(p.health) !== JSON.stringify(at5.pilots.find((q: any) => q.id === p.id).health));
    expect(changed.length).toBeGreaterThan(5);
    // Health stored before it carried the count: derived again from the rounds, the same.
    for (const id of ids.slice(0, 10)) await t.app.store.update<any>('pilots', tenantId, id, (p) => { const { meansFrom: _n, ...health } = p.health; return { ...p, health }; });
    await agree();
    expect((await t.api('/api/settings/anonymity', { as: admin, method: 'PUT', body: { anonymityThreshold: 5 } })).status).toBe(200);
    expect((await agree()).pilots).toEqual(at5.pilots);
  });

  test('/api/me brings the first rows along for leaders who open the grid, and for nobody else', async () => {
    const tenantId = randomUUID();
    await seedPortfolio(t.app, tenantId, FIRST_ROWS + 5);
    const lee = { tenantId, userId: randomUUID(), name: 'Lee Leader', roles: ['leader'] };
    const me = await t.api('/api/me', { as: lee });
    const opened = await t.api('/api/me?opening=leader', { as: lee });
    expect(opened.status).toBe(200);
    const { firstRows, ...who } = opened.body;
    expect(who).toEqual(me.body);
    expect(firstRows).toEqual((await t.api('/api/leader/portfolio/first', { as: lee })).body);
    expect(firstRows.pilots).toHaveLength(FIRST_ROWS);
    // The grid's filters, as the first rows' own call reads them.
    const paused = (await t.api('/api/me?opening=leader&status=paused', { as: lee })).body.firstRows;
    expect(paused).toEqual((await t.api('/api/leader/portfolio/first?status=paused', { as: lee })).body);
    expect(new Set(paused.pilots.map((p: any) => p.status))).toEqual(new Set(['paused']));
    // Filters the first rows would refuse: who is signed in alone (the view asks itself, and words the refusal).
    const bogus = await t.api('/api/me?opening=leader&status=bogus', { as: lee });
    expect(bogus.status).toBe(200);
    expect(bogus.body).toEqual(me.body);
    // Managers, members and people of another tenant: who they are, nothing of the portfolio.
    for (const who of [morgan, demoUser('Sam'), { tenantId, userId: randomUUID(), name: 'Member' }]) {
      const res = await t.api('/api/me?opening=leader', { as: who });
      expect(res.status).toBe(200);
      expect(res.body).not.toHaveProperty('firstRows');
    }
    // A leader of the demo tenant gets the demo's rows, never another tenant's.
    const demo = (await t.api('/api/me?opening=leader', { as: avery })).body.firstRows;
    expect(demo.totals.pilots).toBe((await t.api('/api/leader/portfolio', { as: avery })).body.totals.pilots);
    expect(demo.pilots.some((p: any) => p.title.startsWith('Bulk pilot'))).toBe(false);
  });
});
