import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiClient, ApiError } from '../../api/client';
import type { Me } from '../../api/types';
import { errorText } from '../../components/errorText';
import { Loading } from '../../components/Loading';
import type { Host } from '../../host/types';
import { useI18n } from '../../i18n';
import { Routes } from '../../Routes';
import { SessionContext, demoUserStore, type Session } from '../../session';
import { toApiError } from '../../useLoad';
import { getMe, listDemoUsers, type DemoUser } from './api';
import { DemoSignIn } from './DemoSignIn';
import { Notice } from './Notice';

/**
 * Who is calling. Inside Teams: the SSO token, asked for before each call. In a plain browser:
 * the remembered demo user, else the demo picker, else (demo sign-in off) "open this in Teams".
 */
type Gate =
  | { step: 'loading' }
  | { step: 'pick'; users: DemoUser[] }
  | { step: 'notInTeams' }
  | { step: 'failed'; error: ApiError }
  | { step: 'ready'; api: ApiClient; me: Me };

const demoApi = (userId: string) => new ApiClient(async () => ({ 'X-Leaderful-Demo-User': userId }));

/** The client of whoever the host says is signed in (Teams SSO, or the remembered demo user), if anyone. */
export function signedInApi(host: Host): ApiClient | undefined {
  const getToken = host.getAuthToken;
  if (getToken) return new ApiClient(async () => ({ Authorization: `Bearer ${await getToken()}` }));
  const stored = demoUserStore.get();
  return stored ? demoApi(stored) : undefined;
}

/** `early`: the client main.tsx made while the app started, with `/api/me` (and the view's data) already asked for. */
export function SignInGate({ host, early }: { host: Host; early?: ApiClient }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [gate, setGate] = useState<Gate>({ step: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    const set = (g: Gate) => live && setGate(g);
    set({ step: 'loading' });
    (async () => {
      // The first attempt uses the client that asked early; a retry or another demo user starts afresh.
      const api = (attempt === 0 && early) || signedInApi(host);
      if (host.getAuthToken && api) return set({ step: 'ready', api, me: await getMe(api) });
      if (api) {
        try {
          return set({ step: 'ready', api, me: await getMe(api) });
        } catch (err) {
          if (!(err instanceof ApiError && err.status === 401)) throw err;
          demoUserStore.set(undefined); // a user from an older demo, or demo sign-in now off
        }
      }
      const users = await listDemoUsers();
      set(users ? { step: 'pick', users } : { step: 'notInTeams' });
    })().catch((err: unknown) => set({ step: 'failed', error: toApiError(err) }));
    return () => {
      live = false;
    };
  }, [host, attempt, early]);

  const switchUser = useCallback(() => {
    demoUserStore.set(undefined);
    retry();
  }, [retry]);
  const session = useMemo<Session | undefined>(
    () => (gate.step === 'ready' ? { api: gate.api, me: gate.me, host, switchUser: host.kind === 'browser' ? switchUser : undefined } : undefined),
    [gate, host, switchUser],
  );

  switch (gate.step) {
    case 'loading':
      return <Loading />;
    case 'notInTeams':
      return <Notice title={t('openInTeams.title')} body={t('openInTeams.body')} />;
    case 'pick':
      return (
        <DemoSignIn
          users={gate.users}
          onPick={(u) => {
            demoUserStore.set(u.id);
            retry();
          }}
        />
      );
    case 'failed':
      return gate.error.code === 'auth_failed' ? (
        <Notice title={t('auth.failed')} body={t('auth.failedBody')} action={{ label: t('app.retry'), onClick: retry }} />
      ) : (
        <Notice title={errorText(i18n, gate.error)} action={{ label: t('app.retry'), onClick: retry }} />
      );
    case 'ready':
      return (
        <SessionContext.Provider value={session}>
          <Routes />
        </SessionContext.Provider>
      );
  }
}

