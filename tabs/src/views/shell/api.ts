import { ApiClient, ApiError, queryString } from '../../api/client';
import type { Me, Role } from '../../api/types';
import type { Host } from '../../host/types';
import { demoUserStore } from '../../session';

/** The shell's calls: who is signed in, and the demo users to pick from. */
export interface DemoUser {
  id: string;
  name: string;
  roles: Role[];
}

const demoApi = (userId: string) => new ApiClient(async () => ({ 'X-Leaderful-Demo-User': userId }));

/** The client of whoever the host says is signed in (Teams SSO, or the remembered demo user), if anyone. */
export function signedInApi(host: Host): ApiClient | undefined {
  const getToken = host.getAuthToken;
  if (getToken) return new ApiClient(async () => ({ Authorization: `Bearer ${await getToken()}` }));
  const stored = demoUserStore.get();
  return stored ? demoApi(stored) : undefined;
}

export const getMe = (api: ApiClient, signal?: AbortSignal) => api.get<Me>('/api/me', { signal });

/** What `/api/me` may bring along for the view a URL opens (server/api/me.ts), and the path its view reads it from. */
export interface Opening {
  query: Record<string, string | undefined>;
  path: string;
}

/**
 * Asks who is signed in while the app starts (see ApiClient.prefetch), with the opened view's
 * first answer when the server brings it along: the view's own `get` of that path then takes it.
 */
export function prefetchMe(api: ApiClient, opening?: Opening): Promise<Me> {
  if (!opening) return api.prefetch<Me>('/api/me');
  const answer = api.request<Me & { firstRows?: unknown }>('GET', `/api/me${queryString(opening.query)}`);
  return api.seed(
    '/api/me',
    answer.then(({ firstRows, ...me }) => {
      if (firstRows !== undefined) api.seed(opening.path, Promise.resolve(firstRows));
      return me;
    }),
  );
}

/**
 * The demo users, or undefined when demo sign-in is off (the server answers 404). Called before
 * anyone is signed in, so it bypasses the credentialed client.
 */
export async function listDemoUsers(): Promise<DemoUser[] | undefined> {
  let res: Response;
  try {
    res = await fetch('/api/demo/users', { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (res.status === 404) return undefined;
  if (!res.ok) throw new ApiError(res.status, 'http_' + res.status, res.statusText);
  return ((await res.json()) as { users: DemoUser[] }).users;
}
