import { app, authentication, pages } from '@microsoft/teams-js';
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
  const context = await app.getContext();
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
    getAuthToken: () => authentication.getAuthToken(),
  };
  if (frameContext === 'settings' && pages.config.isSupported()) {
    host.tabConfig = {
      setValid: (valid) => pages.config.setValidityState(valid),
      onSave(current) {
        pages.config.registerOnSaveHandler((event) => {
          const config = current();
          if (!config) return event.notifyFailure('Choose a team first.');
          pages.config.setConfig(config).then(
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
