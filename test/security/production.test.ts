import { randomUUID } from 'node:crypto';
import { startLeaderful, type Running } from '../../server/main';
import { createLog } from '../../platform/log';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../store/embedded';
import { BotFrameworkTokenService } from '../helpers/bot-auth';
import { TestConnector } from '../../support/connector';
import { TEST_APP_CLIENT_ID, TEST_APP_ID_URI, TestIdentityProvider } from '../../support/identity-provider';
import { invokeActivity, messageActivity } from '../../support/teams';

/**
 * The app as it runs in Azure (NODE_ENV=production, an external Cosmos endpoint, bot auth on),
 * against local stand-ins: HSTS and the tab's CSP on every response, no demo sign-in, the bot
 * endpoint closed to unauthenticated traffic, and nothing secret in the logs.
 */
let cosmos: EmbeddedCosmos;
let idp: TestIdentityProvider;
let bf: BotFrameworkTokenService;
let connector: TestConnector;
let app: Running;
const logLines: string[] = [];
const user = { tenantId: randomUUID(), userId: randomUUID(), name: 'Pat Production' };

function productionEnv(over: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'debug',
    BACKGROUND: 'false',
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: 'local-emulator-only',
    COSMOS_DATABASE: `prod-${randomUUID().slice(0, 8)}`,
    AAD_APP_CLIENT_ID: TEST_APP_CLIENT_ID,
    AAD_APP_ID_URI: TEST_APP_ID_URI,
    AAD_JWKS_URI: idp.jwksUri,
    AAD_AUTHORITY_HOST: idp.authorityHost,
    AAD_APP_TENANT_ID: user.tenantId,
    PUBLIC_URL: 'https://leaderful.example',
    ...bf.appEnv(),
    ...over,
  };
}

// botframework-connector console.error()s every refused token with the public keys it tried.
let quiet: jest.SpyInstance;
beforeAll(() => {
  quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(() => quiet.mockRestore());

beforeAll(async () => {
  [cosmos, idp, bf, connector] = await Promise.all([startEmbeddedCosmos(), new TestIdentityProvider().start(), new BotFrameworkTokenService().start(), new TestConnector().start()]);
  app = await startLeaderful({ env: productionEnv(), log: createLog('debug', { write: (line: string) => void logLines.push(line) }) });
});
afterAll(async () => {
  await app?.stop();
  await Promise.all([cosmos?.stop(), idp?.stop(), bf?.stop(), connector?.stop()]);
});

describe('production mode', () => {
  test('HSTS and the tab CSP on tab pages, API answers and errors alike', async () => {
    const token = await idp.token({ tid: user.tenantId, oid: user.userId, name: user.name });
    for (const [path, headers] of [
      ['/tabs/index.html', {}],
      ['/api/me', { authorization: `Bearer ${token}` }],
      ['/api/me', {}],
      ['/api/nothing-here', {}],
      ['/healthz', {}],
    ] as const) {
      const res = await fetch(`${app.url}${path}`, { headers });
      const hsts = res.headers.get('strict-transport-security') ?? '';
      expect(`${path}: ${hsts}`).toMatch(/max-age=(\d{8,}|31536000)/);
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
      expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  test('demo sign-in does not exist', async () => {
    expect((await fetch(`${app.url}/api/demo/users`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/me`, { headers: { 'x-leaderful-demo-user': '00000000-0000-4000-8000-000000000005' } })).status).toBe(401);
  });

  test('the bot endpoint answers only Bot Framework-authenticated activities', async () => {
    const query = invokeActivity(connector.url, user, 'composeExtension/query', { commandId: 'findPilots', parameters: [{ name: 'searchQuery', value: '' }] });
    const post = (headers: Record<string, string>) => fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(query) });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: `Bearer ${await bf.token({ serviceUrl: connector.url }, { rogue: true })}` })).status).toBe(401);
    expect((await post({ authorization: `Bearer ${await bf.token({ serviceUrl: connector.url })}` })).status).toBe(200);
  });

  test('tokens, keys and what people wrote never reach the logs', async () => {
    const token = await idp.token({ tid: user.tenantId, oid: user.userId, name: user.name });
    const secretText = `Private feedback ${randomUUID()}`;
    // A success, a refusal and a failure, each carrying the token and free text.
    await fetch(`${app.url}/api/feedback`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ audience: 'leaders', topic: 'other', text: secretText, anonymous: false }) });
    await fetch(`${app.url}/api/feedback`, { method: 'POST', headers: { authorization: `Bearer ${token}x`, 'content-type': 'application/json' }, body: JSON.stringify({ text: secretText }) });
    await fetch(`${app.url}/api/pilots`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: `{"title": "${secretText}` });
    const botToken = await bf.token({ serviceUrl: connector.url });
    await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { authorization: `Bearer ${botToken}`, 'content-type': 'application/json' }, body: JSON.stringify(messageActivity(connector.url, user, secretText)) });
    await new Promise((r) => setTimeout(r, 300));
    const logs = logLines.join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [token, token.split('.')[2], botToken.split('.')[2], secretText, 'local-emulator-only', 'test-password-not-a-secret']) {
      expect(logs.includes(secret) ? `log contains ${secret.slice(0, 24)}…` : 'clean').toBe('clean');
    }
  });
});

describe('production start-up refuses unsafe settings', () => {
  test.each([
    ['demo sign-in on', { DEMO_SIGN_IN: 'true' }, /DEMO_SIGN_IN/],
    ['no bot app id (bot auth would be off)', { MicrosoftAppId: '', MicrosoftAppPassword: '', BOT_OPENID_METADATA: undefined }, /MicrosoftAppId/],
    ['no SSO app registration', { AAD_APP_CLIENT_ID: '' }, /AAD_APP_CLIENT_ID/],
    ['no tenant for app roles (any tenant’s token could claim them)', { AAD_APP_TENANT_ID: undefined }, /AAD_APP_TENANT_ID/],
    ['a local Graph stand-in’s token', { GRAPH_ENDPOINT: 'https://localhost:4443', GRAPH_LOCAL_TOKEN: 'local-secret-token' }, /GRAPH_LOCAL_TOKEN/],
  ])('%s', async (_name, over, message) => {
    await expect(startLeaderful({ env: productionEnv(over), log: createLog('silent') })).rejects.toThrow(message);
  });
});
