import { webLightTheme, type Theme } from '@fluentui/react-theme';
import { contrastColors } from './contrast-colors';

// A separate chunk: fetched only when the host is in high contrast (see ../theme.ts). Fluent's
// `teamsHighContrastTheme`, from a copy of its colours (see scripts/theme-colors.mjs for why).
export const theme: Theme = { ...webLightTheme, ...contrastColors };
