import { Client, GraphError, MiddlewareFactory, RetryHandlerOptions, type Middleware } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type { TokenCredential } from '@azure/identity';
import type * as Graph from '@microsoft/microsoft-graph-types';
import { GraphFailure, type ActivityNotification, type GraphMeter, type GraphPort, type OrgUserChange, type TeamMemberInfo, type UserDeltaPage } from '../../domain/ports/graph';
import { MeterHandler, MeterOption, Transport } from './middleware';

/**
 * The Graph port over the Microsoft Graph SDK (`@microsoft/microsoft-graph-client`) with an
 * `@azure/identity` credential: in Azure the app's managed identity (app permissions
 * User.Read.All, TeamMember.Read.All and TeamsActivity.Send), locally a stand-in's static token. The SDK's retry
 * handler honours 429 + Retry-After; what still fails becomes a GraphFailure the sync reports.
 */
export interface MicrosoftGraphOptions {
  /** https://graph.microsoft.com, or a stand-in's address. */
  endpoint: string;
  credential: TokenCredential;
  /**
   * The one tenant this app's identity can read (a managed identity lives in one tenant); other
   * tenants get `not_connected`. Unset: any tenant, each with its own token (local stand-in).
   */
  homeTenantId?: string;
  /** An extra certificate authority to trust (a local stand-in's own certificate). */
  ca?: string;
}

const SCOPES = ['https://graph.microsoft.com/.default'];
const USER_FIELDS = ['displayName', 'department', 'jobTitle', 'manager'];

/** A user object in a delta page: Graph's type plus the delta annotations. */
type DeltaUser = Graph.User & {
  '@removed'?: { reason?: string };
  'manager@delta'?: { id?: string; '@removed'?: unknown }[];
};

export class MicrosoftGraph implements GraphPort {
  private readonly clients = new Map<string, Client>();
  private readonly host: string;

  constructor(private readonly options: MicrosoftGraphOptions) {
    this.host = new URL(options.endpoint).host.split(':')[0];
  }

  async usersDelta(tenantId: string, from: string | undefined, meter: GraphMeter): Promise<UserDeltaPage> {
    const client = this.client(tenantId);
    const request = from ? client.api(from) : client.api('/users/delta').select(USER_FIELDS);
    const page = (await this.call(() => request.middlewareOptions([new MeterOption(meter)]).get())) as {
      value?: DeltaUser[];
      '@odata.nextLink'?: string;
      '@odata.deltaLink'?: string;
    };
    return { users: (page.value ?? []).map(userChange), nextLink: page['@odata.nextLink'], deltaLink: page['@odata.deltaLink'] };
  }

  async teamMembers(tenantId: string, groupId: string, meter: GraphMeter): Promise<TeamMemberInfo[]> {
    const client = this.client(tenantId);
    const members: TeamMemberInfo[] = [];
    let next: string | undefined = `/teams/${encodeURIComponent(groupId)}/members`;
    while (next) {
      const link: string = next;
      const page = (await this.call(() => client.api(link).middlewareOptions([new MeterOption(meter)]).get())) as { value?: Graph.AadUserConversationMember[]; '@odata.nextLink'?: string };
      for (const m of page.value ?? []) if (m.userId) members.push({ userId: m.userId, displayName: m.displayName ?? undefined, owner: !!m.roles?.includes('owner') });
      next = page['@odata.nextLink'];
    }
    return members;
  }

  async sendActivityNotification(tenantId: string, userId: string, notification: ActivityNotification): Promise<void> {
    const client = this.client(tenantId);
    // One attempt: the outbox owns the retry (paced, Retry-After honoured, recorded).
    const request = client.api(`/users/${encodeURIComponent(userId)}/teamwork/sendActivityNotification`).middlewareOptions([new RetryHandlerOptions(0, 0)]);
    try {
      await request.post({ ...notification, previewText: { content: notification.previewText } });
    } catch (err) {
      const failure = failureOf(err);
      // The feed answers 403/404 when the app is not installed for the person (nowhere to post).
      if (failure.kind === 'forbidden' || failure.kind === 'not_found') throw new GraphFailure('not_installed', failure.status);
      throw failure;
    }
  }

  private client(tenantId: string): Client {
    const { homeTenantId } = this.options;
    if (homeTenantId && homeTenantId.toLowerCase() !== tenantId.toLowerCase()) throw new GraphFailure('not_connected');
    const key = homeTenantId ? 'home' : tenantId;
    let client = this.clients.get(key);
    if (!client) {
      const authProvider = new TokenCredentialAuthenticationProvider(this.options.credential, {
        scopes: SCOPES,
        ...(homeTenantId ? {} : { getTokenOptions: { tenantId } }),
      });
      // The SDK's chain with our meter after its retry handler, and our transport at the end.
      const chain = MiddlewareFactory.getDefaultMiddlewareChain(authProvider);
      const middleware: Middleware[] = [...chain.slice(0, -2), new MeterHandler(), chain[chain.length - 2], new Transport(this.options.ca)];
      client = Client.initWithMiddleware({
        baseUrl: this.options.endpoint.replace(/\/$/, ''),
        middleware,
        customHosts: new Set([this.host]),
        defaultVersion: 'v1.0',
      });
      this.clients.set(key, client);
    }
    return client;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw failureOf(err);
    }
  }
}

function failureOf(err: unknown): GraphFailure {
  if (err instanceof GraphFailure) return err;
  const status = err instanceof GraphError ? err.statusCode : undefined;
  const code = err instanceof GraphError ? err.code : undefined;
  if (status === 401 || status === 403) return new GraphFailure('forbidden', status);
  if (status === 404) return new GraphFailure('not_found', status);
  if (status === 410 || code === 'resyncRequired' || code === 'SyncStateNotFound') return new GraphFailure('expired', status);
  if (status === 429) return new GraphFailure('throttled', status, retryAfterOf(err));
  return new GraphFailure('unavailable', status && status > 0 ? status : undefined);
}

/** A 429's Retry-After (seconds), in milliseconds. */
function retryAfterOf(err: unknown): number | undefined {
  const header = err instanceof GraphError ? err.headers?.get('retry-after') : undefined;
  const seconds = header ? Number(header) : NaN;
  return Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : undefined;
}

/** A delta page's user as the port's change: absent fields did not change. */
function userChange(u: DeltaUser): OrgUserChange {
  const change: OrgUserChange = { id: String(u.id) };
  if (u['@removed']) {
    change.removed = u['@removed'].reason === 'deleted' ? 'deleted' : 'changed';
    return change;
  }
  if (u.displayName != null) change.displayName = u.displayName;
  if ('department' in u) change.department = u.department ?? null;
  if ('jobTitle' in u) change.jobTitle = u.jobTitle ?? null;
  const managers = u['manager@delta'];
  if (managers) change.managerId = managers.find((m) => m.id && !m['@removed'])?.id ?? null;
  return change;
}
