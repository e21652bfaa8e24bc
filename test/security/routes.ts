import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every route the server registers, as "METHOD /path" (restify's spec, e.g. GET /api/pilots/:id).
 * From the live server when startLeaderful exposes it (Running.server), otherwise from the
 * registration calls in server/ (`server.get('/…', …)`), so a new route cannot slip past the
 * authorization table unnoticed.
 */
const VERBS: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', del: 'DELETE', head: 'HEAD', opts: 'OPTIONS' };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

export function routesFromSource(root = path.resolve(__dirname, '../..')): string[] {
  const found = new Set<string>();
  const pattern = /\bserver\.(get|post|put|patch|del|head|opts)\(\s*(['"`])([^'"`]+)\2/g;
  for (const file of sourceFiles(path.join(root, 'server'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(pattern)) found.add(`${VERBS[m[1]]} ${m[3]}`);
  }
  return [...found].sort();
}

/** Routes of a live restify server, if the running app exposes one. */
export function routesFromServer(running: unknown): string[] | undefined {
  const server = (running as { server?: { router?: { getRoutes?: () => Record<string, { method: string; path?: string; spec?: { path?: string } }> } } }).server;
  const routes = server?.router?.getRoutes?.();
  if (!routes) return undefined;
  return Object.values(routes)
    .map((r) => `${r.method} ${String(r.spec?.path ?? r.path)}`)
    .sort();
}
