import { demoUser, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { RATE_LIMIT_API_PER_MINUTE: '5' } });
});
afterAll(() => t.stop());

test('a user who floods the API gets a clear 429 with Retry-After; others are unaffected', async () => {
  const morgan = demoUser('Morgan');
  const statuses: number[] = [];
  let last: Awaited<ReturnType<TestApp['api']>> | undefined;
  for (let i = 0; i < 7; i++) {
    last = await t.api('/api/pilots', { as: morgan });
    statuses.push(last.status);
  }
  expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
  expect(statuses.slice(5)).toEqual([429, 429]);
  expect(last!.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/Too many requests\. Please wait \d+ seconds?/) });
  expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await t.api('/api/pilots', { as: demoUser('Jordan') })).status).toBe(200);
});
