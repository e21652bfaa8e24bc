import { webLightTheme, type Theme } from '@fluentui/react-theme';
import { darkColors } from './dark-colors';

// A separate chunk: fetched only when the host is in dark theme (see ../theme.ts). Fluent's
// `webDarkTheme`, from a copy of its colours (see scripts/theme-colors.mjs for why).
export const theme: Theme = { ...webLightTheme, ...darkColors };
