import { FluentProvider } from '@fluentui/react-provider';
import { makeStaticStyles, makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useEffect, useState } from 'react';
import type { Host, HostTheme } from './host/types';
import { I18nProvider, type Dictionary } from './i18n';
import { HostThemeContext, fluentTheme } from './theme';
import { SignInGate } from './views/shell/SignInGate';

const useGlobalStyles = makeStaticStyles({
  'html, body': { margin: 0, padding: 0 },
});

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
});

/** Theme and language from the host (live theme changes included), then sign-in, then the views. */
export function App({ host, dictionary }: { host: Host; dictionary: Dictionary }) {
  useGlobalStyles();
  const s = useStyles();
  const [theme, setTheme] = useState<HostTheme>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    // Native widgets (date pickers, scrollbars) follow the app's theme, not the OS's.
    document.documentElement.style.colorScheme = theme === 'default' ? 'light' : 'dark';
  }, [theme]);

  return (
    <FluentProvider theme={fluentTheme(theme)}>
      {/* Page styles sit on an inner element: the provider's own class is copied to portals (dialogs, dropdowns). */}
      <div className={s.root} data-theme={theme} id="app-root">
        <HostThemeContext.Provider value={theme}>
          <I18nProvider locale={host.locale} dictionary={dictionary}>
            <SignInGate host={host} />
          </I18nProvider>
        </HostThemeContext.Provider>
      </div>
    </FluentProvider>
  );
}

