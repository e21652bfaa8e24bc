import { createContext, useContext } from 'react';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-theme';
import type { HostTheme } from './host/types';

/** Teams theme names → Fluent themes. The web pair keeps one brand colour in light and dark. */
export function fluentTheme(theme: HostTheme): Theme {
  switch (theme) {
    case 'dark':
      return webDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return webLightTheme;
  }
}

/**
 * The current theme's name, for the few places that need real colour values rather than CSS
 * variables (chart series are SVG attributes, which cannot read `var(--…)`).
 */
export const HostThemeContext = createContext<HostTheme>('default');
export const useFluentTheme = (): Theme => fluentTheme(useContext(HostThemeContext));
