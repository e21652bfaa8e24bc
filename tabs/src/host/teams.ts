// By path, not from '@microsoft/teams-js': its index re-exports every capability as a namespace
// object (`app`, `pages`…), and a namespace keeps all its module's functions and what they import.
// These three modules, imported by name, bring only what the tab calls (19.5 → 16.5 KB gzip, in
// every Teams user's first render). Types: ./teams-js.d.ts.
import * as app from '@microsoft/teams-js/dist/esm/packages/teams-js/src/public/app/app.js';
import { getAuthToken } from '@microsoft/teams-js/dist/esm/packages/teams-js/src/public/authentication.js';
import * as pagesConfig from '@microsoft/teams-js/dist/esm/packages/teams-js/src/public/pages/config.js';
import type { Host, HostTheme } from './types';

/**
 * The Teams bridge. Loaded with import() only when the tab runs inside a frame, so the standalone
 * page never downloads teams-js (nor triggers its valid-domains fetch).
 */
export async function connectTeams(timeoutMs: number): Promise<Host> {
  // A parent that never answers would keep initialize() pending for 60 s.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Teams did not answer')), timeoutMs);
  });
  try {
    await Promise.race([app.initialize(), timeout]);
  } finally {
    clearTimeout(timer);
  }
  // The first call's token is asked for with the context, not after it: a cold start's first
  // request then goes out before the app's first render holds the thread the answer arrives on.
  const firstToken = getAuthToken();
  const [context] = await Promise.all([app.getContext(), firstToken.catch(() => undefined)]);
  let unused: Promise<string> | undefined = firstToken;
  app.notifySuccess().catch(() => undefined);

  const listeners = new Set<(theme: HostTheme) => void>();
  app.registerOnThemeChangeHandler((theme) => {
    for (const listener of listeners) listener(asTheme(theme));
  });

  const frameContext = context.page.frameContext;
  const host: Host = {
    kind: 'teams',
    theme: asTheme(context.app.theme),
    locale: context.app.locale || navigator.language,
    subPageId: context.page.subPageId || undefined,
    frameContext,
    surface: context.meeting?.id ? 'meeting' : context.channel?.id ? 'channel' : context.chat?.id ? 'groupChat' : context.team?.groupId || context.team?.internalId ? 'channel' : 'personal',
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getAuthToken() {
      const token = unused ?? getAuthToken();
      unused = undefined; // later calls ask Teams, which renews a token before it expires
      return token;
    },
  };
  if (frameContext === 'settings' && pagesConfig.isSupported()) {
    host.tabConfig = {
      setValid: (valid) => pagesConfig.setValidityState(valid),
      onSave(current) {
        pagesConfig.registerOnSaveHandler((event) => {
          const config = current();
          if (!config) return event.notifyFailure('Choose a team first.');
          pagesConfig.setConfig(config).then(
            () => event.notifySuccess(),
            (err: unknown) => event.notifyFailure(err instanceof Error ? err.message : String(err)),
          );
        });
      },
    };
  }
  return host;
}

function asTheme(theme: string | undefined): HostTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}
