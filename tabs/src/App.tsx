import { FluentProvider } from '@fluentui/react-provider';
import { makeStaticStyles, makeStyles } from '@griffel/react';
import { tokens, type Theme } from '@fluentui/react-theme';
import { useEffect, useState } from 'react';
import type { ApiClient } from './api/client';
import type { Host, HostTheme } from './host/types';
import { I18nProvider, type Dictionary } from './i18n';
import { FluentThemeContext, HostThemeContext, loadFluentTheme } from './theme';
import { SignInGate } from './views/shell/SignInGate';

const useGlobalStyles = makeStaticStyles({
  'html, body': { margin: 0, padding: 0 },
});

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
});

/** Theme and language from the host (live theme changes included), then sign-in, then the views. */
export function App({ host, early, dictionary, initialTheme }: { host: Host; early?: ApiClient; dictionary: Dictionary; initialTheme: Theme }) {
  useGlobalStyles();
  const s = useStyles();
  // The name and the Fluent theme change together, once the new theme's tokens are here.
  const [{ theme, fluent }, setThemes] = useState<{ theme: HostTheme; fluent: Theme }>({ theme: host.theme, fluent: initialTheme });
  useEffect(() => {
    let latest = 0; // quick successive changes: only the last one's theme applies
    return host.onThemeChange((next) => {
      const mine = ++latest;
      void loadFluentTheme(next).then((loaded) => mine === latest && setThemes({ theme: next, fluent: loaded }));
    });
  }, [host]);
  useEffect(() => {
    // Native widgets (date pickers, scrollbars) follow the app's theme, not the OS's.
    document.documentElement.style.colorScheme = theme === 'default' ? 'light' : 'dark';
  }, [theme]);

  return (
    <FluentProvider theme={fluent}>
      {/* Page styles sit on an inner element: the provider's own class is copied to portals (dialogs, dropdowns). */}
      <div className={s.root} data-theme={theme} id="app-root">
        <HostThemeContext.Provider value={theme}>
          <FluentThemeContext.Provider value={fluent}>
            <I18nProvider locale={host.locale} dictionary={dictionary}>
              <SignInGate host={host} early={early} />
            </I18nProvider>
          </FluentThemeContext.Provider>
        </HostThemeContext.Provider>
      </div>
    </FluentProvider>
  );
}

