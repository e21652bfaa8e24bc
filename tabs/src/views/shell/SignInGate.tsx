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

export function SignInGate({ host }: { host: Host }) {
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
      if (host.getAuthToken) {
        const getToken = host.getAuthToken;
        const api = new ApiClient(async () => ({ Authorization: `Bearer ${await getToken()}` }));
        return set({ step: 'ready', api, me: await getMe(api) });
      }
      const stored = demoUserStore.get();
      if (stored) {
        const api = demoApi(stored);
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
  }, [host, attempt]);

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

