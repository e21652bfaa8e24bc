/**
 * Types for the three teams-js modules host/teams.ts imports by path (see there why): the same
 * functions as the package's `app`, `authentication` and `pages.config` namespaces.
 */
declare module '@microsoft/teams-js/dist/esm/packages/teams-js/src/public/app/app.js' {
  import type { app } from '@microsoft/teams-js';
  export const initialize: typeof app.initialize;
  export const getContext: typeof app.getContext;
  export const notifySuccess: typeof app.notifySuccess;
  export const registerOnThemeChangeHandler: typeof app.registerOnThemeChangeHandler;
}

declare module '@microsoft/teams-js/dist/esm/packages/teams-js/src/public/authentication.js' {
  import type { authentication } from '@microsoft/teams-js';
  export const getAuthToken: typeof authentication.getAuthToken;
}

declare module '@microsoft/teams-js/dist/esm/packages/teams-js/src/public/pages/config.js' {
  import type { pages } from '@microsoft/teams-js';
  export const isSupported: typeof pages.config.isSupported;
  export const setValidityState: typeof pages.config.setValidityState;
  export const registerOnSaveHandler: typeof pages.config.registerOnSaveHandler;
  export const setConfig: typeof pages.config.setConfig;
}
