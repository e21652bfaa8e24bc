import { isStandalone, type Host, type HostTheme } from './types';

/** Long enough for a slow Teams client, short enough that a foreign frame isn't left hanging. */
const TEAMS_INIT_TIMEOUT_MS = 5000;

/**
 * Finds out where the tab runs. Standalone is decided synchronously; inside a frame we ask
 * Teams, and fall back to browser behaviour if nobody answers (e.g. framed by another site).
 */
export async function connectHost(): Promise<Host> {
  if (isStandalone()) return browserHost();
  try {
    const { connectTeams } = await import('./teams');
    return await connectTeams(TEAMS_INIT_TIMEOUT_MS);
  } catch {
    return browserHost();
  }
}

const THEMES: HostTheme[] = ['default', 'dark', 'contrast'];

function browserHost(): Host {
  const params = new URLSearchParams(window.location.search);
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)');
  const forced = window.matchMedia?.('(forced-colors: active)');
  // `?theme=dark|contrast` previews a Teams theme in a standalone demo; otherwise the OS decides.
  const fixed = THEMES.find((th) => th === params.get('theme'));
  const current = (): HostTheme => fixed ?? (forced?.matches ? 'contrast' : dark?.matches ? 'dark' : 'default');
  // `?lang=es` lets a standalone demo show another language without changing browser settings.
  const lang = params.get('lang');
  return {
    kind: 'browser',
    theme: current(),
    locale: lang || navigator.language || 'en-US',
    onThemeChange(listener) {
      const onChange = () => listener(current());
      dark?.addEventListener('change', onChange);
      forced?.addEventListener('change', onChange);
      return () => {
        dark?.removeEventListener('change', onChange);
        forced?.removeEventListener('change', onChange);
      };
    },
  };
}
