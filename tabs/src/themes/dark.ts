// A separate chunk: fetched only when the host is in dark theme (see ../theme.ts).
export { webDarkTheme as theme } from '@fluentui/react-theme';
