// A separate chunk: fetched only when the host is in high contrast (see ../theme.ts).
export { teamsHighContrastTheme as theme } from '@fluentui/react-theme';
