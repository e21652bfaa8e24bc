/**
 * Stands in for the copy of `debug` that teams-js bundles for its logging (scripts/build.mjs
 * swaps it in): teams-js's log lines show only once `localStorage.debug` names them, which nobody
 * using the tab does, yet `debug` and `ms` were 2 KB gzip of every Teams user's first render.
 * teams-js only creates loggers (`debug('teamsJs')`, `.extend(name)`), sets `formatArgs` and
 * calls them; here they do nothing. Its export name is the one teams-js imports (`b`): if a
 * teams-js upgrade changes it, the build fails rather than shipping a broken bridge.
 */
type Logger = ((...args: unknown[]) => void) & { extend(namespace: string): Logger; enabled: boolean; namespace: string };

const logger: Logger = Object.assign(() => undefined, { extend: (): Logger => logger, enabled: false, namespace: '' });

function createDebug(_namespace: string): Logger {
  return logger;
}
createDebug.debug = createDebug;
createDebug.formatArgs = (_args: unknown[]): void => undefined;
createDebug.enable = (_namespaces: string): void => undefined;
createDebug.disable = (): string => '';
createDebug.enabled = (_namespace: string): boolean => false;

export { createDebug as b };
