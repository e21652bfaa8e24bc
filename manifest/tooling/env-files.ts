import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Agents Toolkit's environment files: `env/.env.<name>` (committed, no secrets) and
 * `env/.env.<name>.user` (secrets, git-ignored), plain KEY=VALUE lines. Placeholders in templates
 * look like `${{NAME}}`, the Toolkit's syntax, so the same manifest works with both tools.
 */

export type Env = Record<string, string>;

export const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Variables that may legitimately be empty (the production environment has no name suffix). */
export const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);

export function parseEnvFile(text: string): Env {
  const env: Env = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    else value = value.replace(/\s+#.*$/, ''); // trailing comment on an unquoted value
    env[key] = value;
  }
  return env;
}

/** `.env.<name>` then `.env.<name>.user`; later files win, as in the Toolkit. */
export function loadEnvFiles(envDir: string, envName: string): { env: Env; files: string[] } {
  const files = [`.env.${envName}`, `.env.${envName}.user`].map((f) => path.join(envDir, f)).filter((f) => existsSync(f));
  const env: Env = {};
  for (const file of files) Object.assign(env, parseEnvFile(readFileSync(file, 'utf8')));
  return { env, files };
}

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * Replaces placeholders in every string of a parsed JSON value (never in raw JSON text, so a value
 * with quotes cannot break the document). Reports each variable that is missing or empty.
 */
export function resolvePlaceholders<T>(value: T, env: Env, onMissing: (name: string, at: string) => void, at = ''): T {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (whole, name: string) => {
      const v = env[name];
      if (v === undefined || (v === '' && !MAY_BE_EMPTY.has(name))) {
        onMissing(name, at);
        return whole;
      }
      return v;
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v, i) => resolvePlaceholders(v, env, onMissing, `${at}[${i}]`)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolvePlaceholders(v, env, onMissing, at ? `${at}.${k}` : k);
    return out as T;
  }
  return value;
}
