import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

/**
 * Schema validation against the Teams schemas bundled in `@microsoft/app-manifest`, never the
 * network: the schema is loaded from the package and handed to the validator explicitly (given
 * only a URL, the library downloads schemas it does not bundle).
 */

type JsonSchema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

export type SchemaKind = 'manifest' | 'localization';
const FILE: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

function teamsSchemaDir(): string {
  const pkg = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(pkg, 'build', 'json-schemas', 'teams');
}

/** Bundled GA versions ("1.17", "1.19", …), oldest first. */
export function bundledVersions(): string[] {
  return readdirSync(teamsSchemaDir())
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
}

/** "https://developer.microsoft.com/[en-us/]json-schemas/teams/v1.30/MicrosoftTeams.schema.json" → "1.30". */
export function versionFromSchemaUrl(url: unknown, kind: SchemaKind): string | undefined {
  if (typeof url !== 'string') return undefined;
  const file = FILE[kind].replace(/\./g, '\\.');
  const m = new RegExp(`^https://developer\\.microsoft\\.com/(?:[a-z]{2}-[a-z]{2}/)?json-schemas/teams/v(\\d+\\.\\d+)/${file}$`, 'i').exec(url);
  return m?.[1];
}

export function loadBundledSchema(version: string, kind: SchemaKind): JsonSchema | undefined {
  const file = path.join(teamsSchemaDir(), `v${version}`, FILE[kind]);
  if (!existsSync(file)) return undefined;
  // Same clean-up the library applies: some schemas carry \a and \v escapes JSON does not allow.
  const schema = JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Record<string, unknown>;
  if (kind === 'localization') repairPatternKeys(schema);
  return schema as JsonSchema;
}

/**
 * Every bundled localization schema (1.17–1.30) has two `activities.activityTypes[…]` key patterns
 * ending in "\b]": a lone "]" that ajv's unicode regular expressions reject, so the library cannot
 * compile those schemas at all. Escaping it keeps the meaning (a literal "]").
 */
function repairPatternKeys(schema: Record<string, unknown>): void {
  const patterns = schema.patternProperties as Record<string, unknown> | undefined;
  if (!patterns) return;
  schema.patternProperties = Object.fromEntries(Object.entries(patterns).map(([k, v]) => [k.replace(/\\b\]/g, '\\b\\]'), v]));
}

/** Validates and turns the library's "/a/0/b message. Details: {…}" lines into "a[0].b: message". */
export async function validateAgainst(doc: unknown, schema: JsonSchema, file: string): Promise<string[]> {
  const raw = await AppManifestUtils.validateAgainstSchema(doc as AppManifest, schema);
  const lines = raw.map((line) => {
    const m = /^(\S*) (.*?)\. Details: (.*)$/s.exec(line);
    if (!m) return `${file}: schema: ${line}`;
    const [, pointer, message, detailsJson] = m;
    let detail = '';
    try {
      const params = JSON.parse(detailsJson) as Record<string, unknown>;
      if (typeof params.additionalProperty === 'string') detail = ` ("${params.additionalProperty}")`;
      else if (Array.isArray(params.allowedValues)) detail = ` (allowed: ${params.allowedValues.join(', ')})`;
    } catch {
      // details are a courtesy; the message stands on its own
    }
    return `${file}: ${pointerToPath(pointer)}: ${message}${detail} [schema]`;
  });
  return [...new Set(lines)];
}

/** "/staticTabs/0/contentUrl" → "staticTabs[0].contentUrl" (the notation localization files use). */
export function pointerToPath(pointer: string): string {
  if (!pointer) return '(root)';
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}
