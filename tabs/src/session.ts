import { createContext, useContext } from 'react';
import type { ApiClient } from './api/client';
import type { Me, Role } from './api/types';
import type { Host } from './host/types';

/** Who is signed in, how to call the API as them, and the host the tab runs in. */
export interface Session {
  api: ApiClient;
  me: Me;
  host: Host;
  /** Standalone demo only: forget the picked user and show the picker again. */
  switchUser?: () => void;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in tree');
  return session;
}

export const hasRole = (me: Me, ...roles: Role[]) => roles.some((r) => me.user.roles.includes(r));

/** Mirrors the server: only managers and admins start pilots. */
export const canCreatePilots = (me: Me) => hasRole(me, 'manager', 'admin');

const DEMO_USER_KEY = 'leaderful.demoUser';

export const demoUserStore = {
  get(): string | undefined {
    try {
      return localStorage.getItem(DEMO_USER_KEY) ?? undefined;
    } catch {
      return undefined; // storage blocked (e.g. third-party frame settings)
    }
  },
  set(id: string | undefined): void {
    try {
      if (id) localStorage.setItem(DEMO_USER_KEY, id);
      else localStorage.removeItem(DEMO_USER_KEY);
    } catch {
      /* the choice then lasts until reload */
    }
  },
};
