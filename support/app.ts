import { randomBytes, randomUUID } from 'node:crypto';
import { startLeaderful, type Running } from '../server/main';
import type { Clock } from '../domain/shared/clock';
import { APP_ROLES, appRoleValue, type AppRole } from '../domain/shared/caller';
import { createLog } from '../platform/log';
import { DEMO_TENANT_ID, DEMO_USERS } from '../domain/demo';
import { TestConnector } from './connector';
import { loadDemoDirectory } from './graph/demo';
import { GraphStandIn } from './graph/stand-in';
import { TEST_APP_CLIENT_ID, TEST_APP_ID_URI, TestIdentityProvider } from './identity-provider';
import type { TeamsUser } from './teams';

/**
 * The real server on an ephemeral port, against its own embedded Cosmos server, with a local
 * identity provider (JWKS), Bot Connector stand-in and Microsoft Graph stand-in (serving the demo
 * organisation). Each test file and benchmark gets its own.
 */
export interface TestApp {
  app: Running;
  url: string;
  idp: TestIdentityProvider;
  connector: TestConnector;
  graph: GraphStandIn;
  /** A Teams team in Graph (its Microsoft 365 group) with these owners and members: its group id. */
  teamInGraph(tenantId: string, owners: TeamsUser[], members?: TeamsUser[]): string;
  /** A sign-in token for `user`, carrying their Entra app roles. */
  token(user: TeamsUser): Promise<string>;
  /** Calls the tab API as `user` with a freshly minted SSO token. */
  api(path: string, init?: { as?: TeamsUser; method?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  /** Posts an activity to /api/messages as Teams would. */
  activity(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** The app's log lines (info and above), parsed, when started with `captureLog`; otherwise none. */
  logs: LogLine[];
  stop(): Promise<void>;
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** pino's number for warnings. */
export const WARN = 40;

export const demoUser = (name: string): TeamsUser => {
  const u = DEMO_USERS.find((x) => x.name.startsWith(name));
  if (!u) throw new Error(`No demo user ${name}`);
  return { tenantId: DEMO_TENANT_ID, userId: u.id, name: u.name, roles: u.roles };
};

/** The Entra app role values a user's token carries (leader → Leaderful.Leader, admin → Leaderful.Admin). */
export const roleClaims = (user: TeamsUser): string[] =>
  (user.roles ?? []).filter((r): r is AppRole => (Object.values(APP_ROLES) as string[]).includes(r)).map(appRoleValue);

export async function startTestApp(opts: { env?: Record<string, string>; clock?: Clock; connector?: TestConnector; captureLog?: boolean } = {}): Promise<TestApp> {
  const idp = await new TestIdentityProvider().start();
  const logs: LogLine[] = [];
  const log = opts.captureLog ? createLog('info', { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) }) : undefined;
  // A connector passed in outlives this app (restart tests); otherwise each app has its own.
  const connector = opts.connector ?? (await new TestConnector().start());
  const graph = await new GraphStandIn(randomBytes(18).toString('base64url')).start();
  loadDemoDirectory(graph);
  const app = await startLeaderful({
    clock: opts.clock,
    log,
    env: {
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      AAD_APP_CLIENT_ID: TEST_APP_CLIENT_ID,
      AAD_APP_ID_URI: TEST_APP_ID_URI,
      AAD_JWKS_URI: idp.jwksUri,
      AAD_AUTHORITY_HOST: idp.authorityHost,
      SEED_DEMO_DATA: 'true',
      PUBLIC_URL: 'https://leaderful.test',
      GRAPH_ENDPOINT: graph.url,
      GRAPH_LOCAL_TOKEN: graph.secret,
      GRAPH_LOCAL_CA: graph.ca,
      ...opts.env,
    },
  });
  const url = app.url;

  const parse = async (res: Response) => {
    const text = await res.text();
    try {
      return text ? JSON.parse(text) : undefined;
    } catch {
      return text;
    }
  };

  const token = (user: TeamsUser) => idp.token({ tid: user.tenantId, oid: user.userId, name: user.name, roles: roleClaims(user) });

  return {
    app,
    url,
    idp,
    connector,
    graph,
    token,
    teamInGraph(tenantId, owners, members = []) {
      const groupId = randomUUID();
      graph.tenant(tenantId).teams.set(groupId, [...owners.map((o) => ({ userId: o.userId, displayName: o.name, owner: true })), ...members.map((m) => ({ userId: m.userId, displayName: m.name }))]);
      return groupId;
    },
    logs,
    async api(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.as) headers.authorization = `Bearer ${await token(init.as)}`;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${url}${path}`, {
        method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
        headers,
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      });
      return { status: res.status, body: await parse(res), headers: res.headers };
    },
    async activity(body, headers = {}) {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await parse(res) };
    },
    async stop() {
      await app.stop();
      if (!opts.connector) await connector.stop();
      await graph.stop();
      await idp.stop();
    },
  };
}
