import { createContext, useContext } from 'react';
import { webLightTheme, type Theme } from '@fluentui/react-theme';
import type { HostTheme } from './host/types';

/**
 * Teams theme names → Fluent themes. The web pair keeps one brand colour in light and dark.
 * Light is most people's theme and ships with the app; dark and high contrast (a few KB of
 * tokens each) are fetched when the host asks for them.
 */
export async function loadFluentTheme(theme: HostTheme): Promise<Theme> {
  switch (theme) {
    case 'dark':
      return (await import('./themes/dark')).theme;
    case 'contrast':
      return (await import('./themes/contrast')).theme;
    default:
      return webLightTheme;
  }
}

/** The current theme's name (e.g. for `color-scheme`). */
export const HostThemeContext = createContext<HostTheme>('default');

/**
 * The current Fluent theme, for the few places that need real colour values rather than CSS
 * variables (chart series are SVG attributes, which cannot read `var(--…)`).
 */
export const FluentThemeContext = createContext<Theme>(webLightTheme);
export const useFluentTheme = (): Theme => useContext(FluentThemeContext);
