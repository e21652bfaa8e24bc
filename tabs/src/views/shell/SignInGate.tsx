import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, type ApiClient } from '../../api/client';
import type { Me } from '../../api/types';
import { errorText } from '../../components/errorText';
import { Loading } from '../../components/Loading';
import type { Host } from '../../host/types';
import { useI18n } from '../../i18n';
import { Routes } from '../../Routes';
import { SessionContext, demoUserStore, type Session } from '../../session';
import { toApiError } from '../../useLoad';
import { getMe, listDemoUsers, signedInApi, type DemoUser } from './api';
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

/** `early`: the client main.tsx made while the app started, with `/api/me` (and the view's data) already asked for. */
export function SignInGate({ host, early }: { host: Host; early?: ApiClient }) {
  const i18n = useI18n();
  const { t } = i18n;
  // Who is signed in may be here already (asked for while the app downloaded): no spinner then.
  const [gate, setGate] = useState<Gate>(() => {
    const me = early?.take<Me>('/api/me');
    return early && me ? { step: 'ready', api: early, me } : { step: 'loading' };
  });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const readyOnMount = useRef(gate.step === 'ready');

  useEffect(() => {
    if (readyOnMount.current) {
      readyOnMount.current = false; // a retry or another demo user asks again
      return;
    }
    let live = true;
    const set = (g: Gate) => live && setGate(g);
    // A retry shows the spinner again; the first attempt already does (no second render for nothing).
    setGate((g) => (g.step === 'loading' ? g : { step: 'loading' }));
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

