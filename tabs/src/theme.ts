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
