import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkDomains, checkIcons, checkIds, checkLocalization, checkSso, checkStructure, checkUrls, localizableStrings, type LanguageFile } from '../manifest/tooling/checks';
import { loadEnvFiles, resolvePlaceholders, type Env } from '../manifest/tooling/env-files';
import { writeIcons } from '../manifest/tooling/icons';
import { bundledVersions, loadBundledSchema, validateAgainst, versionFromSchemaUrl } from '../manifest/tooling/schema';
import { readZip, writeZip, type ZipEntry } from '../manifest/tooling/zip';

/**
 * Builds the Teams app package (manifest.json, icons, language files) for one environment and
 * validates it offline: the bundled JSON schemas, https URLs, GUID ids, domains, SSO, icon sizes
 * and transparency, complete localization. A package with problems is not written, so a broken
 * one can never be uploaded by mistake; the problems come back as one readable list.
 *
 *   node dist/package-app.js --env dev [--out dist/appPackage]
 *   node dist/package-app.js --write-icons        (regenerates manifest/color.png and outline.png)
 */

export interface BuildOptions {
  /** Environment name: reads env/.env.<name> and env/.env.<name>.user. */
  envName: string;
  /** Where the zip goes; default dist/appPackage. */
  outDir?: string;
  /** Overrides for the env files (the CLI passes the process environment, as the Toolkit does). */
  env?: Record<string, string>;
  /** Project root; default found from this file. */
  rootDir?: string;
  /** The template folder; default <root>/manifest. */
  manifestDir?: string;
  /** Where the env files are; default <root>/env. */
  envDir?: string;
}

export interface BuildResult {
  zipPath: string;
  problems: string[];
}

type Json = Record<string, unknown>;

export function findProjectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'manifest', 'manifest.json')) || !existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the project root (a folder with package.json and manifest/manifest.json)');
    dir = parent;
  }
  return dir;
}

function parseJson(text: string, file: string, problems: string[]): Json | undefined {
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Json;
    problems.push(`${file}: must be a JSON object`);
  } catch (err) {
    problems.push(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  return undefined;
}

/** A package-relative file the manifest points at: no absolute paths, no climbing out of the folder. */
function readPackageFile(manifestDir: string, ref: unknown, at: string, problems: string[]): Buffer | undefined {
  if (typeof ref !== 'string' || !ref) {
    problems.push(`manifest.json: ${at}: must name a file in the package`);
    return undefined;
  }
  const normalized = path.posix.normalize(ref.replace(/\\/g, '/'));
  if (path.posix.isAbsolute(normalized) || normalized === '..' || normalized.startsWith('../')) {
    problems.push(`manifest.json: ${at}: "${ref}" must be a relative path inside the package`);
    return undefined;
  }
  const file = path.join(manifestDir, normalized);
  if (!existsSync(file)) {
    problems.push(`manifest.json: ${at}: file "${ref}" does not exist in ${path.basename(manifestDir)}/`);
    return undefined;
  }
  return readFileSync(file);
}

export async function buildAppPackage(opts: BuildOptions): Promise<BuildResult> {
  const root = opts.rootDir ?? findProjectRoot();
  const manifestDir = opts.manifestDir ?? path.join(root, 'manifest');
  const outDir = path.resolve(root, opts.outDir ?? path.join('dist', 'appPackage'));
  const zipPath = path.join(outDir, `appPackage.${opts.envName}.zip`);
  const problems: string[] = [];
  // Never leave an older package where a failed build's would be.
  rmSync(zipPath, { force: true });

  const { env: fileEnv, files: envFiles } = loadEnvFiles(opts.envDir ?? path.join(root, 'env'), opts.envName);
  const env: Env = { TEAMSFX_ENV: opts.envName, ...fileEnv, ...(opts.env ?? {}) };
  const missing = new Map<string, string[]>();
  const resolve = <T>(value: T, file: string): T =>
    resolvePlaceholders(value, env, (name, at) => missing.set(name, [...(missing.get(name) ?? []), `${file} ${at}`]));

  const manifestFile = path.join(manifestDir, 'manifest.json');
  if (!existsSync(manifestFile)) return { zipPath, problems: [`manifest.json: not found in ${manifestDir}`] };
  const template = parseJson(readFileSync(manifestFile, 'utf8'), 'manifest.json', problems);
  if (!template) return { zipPath, problems };
  const manifest = resolve(template, 'manifest.json');

  // Schema: the version named by $schema must be bundled and match manifestVersion.
  const version = versionFromSchemaUrl(manifest.$schema, 'manifest');
  const manifestSchema = version ? loadBundledSchema(version, 'manifest') : undefined;
  if (!version) {
    problems.push(`manifest.json: $schema: must be https://developer.microsoft.com/json-schemas/teams/v<version>/MicrosoftTeams.schema.json (got ${JSON.stringify(manifest.$schema)})`);
  } else if (!manifestSchema) {
    problems.push(`manifest.json: $schema: version ${version} is not bundled with @microsoft/app-manifest (bundled: ${bundledVersions().join(', ')}); Teams has no 1.18`);
  } else {
    if (manifest.manifestVersion !== version) problems.push(`manifest.json: manifestVersion: "${String(manifest.manifestVersion)}" does not match $schema version ${version}`);
    problems.push(...(await validateAgainst(manifest, manifestSchema, 'manifest.json')));
  }
  problems.push(...checkIds(manifest), ...checkUrls(manifest), ...checkDomains(manifest), ...checkSso(manifest), ...checkStructure(manifest));

  // Icons.
  const icons = (manifest.icons ?? {}) as Json;
  const color = readPackageFile(manifestDir, icons.color, 'icons.color', problems);
  const outline = readPackageFile(manifestDir, icons.outline, 'icons.outline', problems);
  problems.push(...(await checkIcons(color && { name: String(icons.color), data: color }, outline && { name: String(icons.outline), data: outline })));

  // Language files: each valid against the localization schema of the same version, and complete.
  const loc = (manifest.localizationInfo ?? {}) as Json;
  const refs: { tag: string; file: unknown; at: string; isDefault: boolean }[] = [];
  if (loc.defaultLanguageFile !== undefined) refs.push({ tag: String(loc.defaultLanguageTag), file: loc.defaultLanguageFile, at: 'localizationInfo.defaultLanguageFile', isDefault: true });
  (Array.isArray(loc.additionalLanguages) ? (loc.additionalLanguages as Json[]) : []).forEach((l, i) =>
    refs.push({ tag: String(l.languageTag), file: l.file, at: `localizationInfo.additionalLanguages[${i}].file`, isDefault: false }),
  );
  if (!refs.some((r) => !r.isDefault)) problems.push('manifest.json: localizationInfo.additionalLanguages: Leaderful ships English and Spanish; no additional language is listed');
  const locSchema = version ? loadBundledSchema(version, 'localization') : undefined;
  const languageFiles: (LanguageFile & { data: Buffer })[] = [];
  for (const ref of refs) {
    const data = readPackageFile(manifestDir, ref.file, ref.at, problems);
    const name = String(ref.file);
    const json = data && parseJson(data.toString('utf8'), name, problems);
    if (!json) continue;
    const resolved = resolve(json, name);
    const locVersion = versionFromSchemaUrl(resolved.$schema, 'localization');
    if (locVersion !== version) problems.push(`${name}: $schema: must be the v${version ?? '?'} MicrosoftTeams.Localization.schema.json, like manifest.json (got ${JSON.stringify(resolved.$schema)})`);
    if (locSchema) problems.push(...(await validateAgainst(resolved, locSchema, name)));
    problems.push(...checkUrls(resolved, name));
    languageFiles.push({ tag: ref.tag, name, json: resolved, isDefault: ref.isDefault, data: Buffer.from(`${JSON.stringify(resolved, null, 2)}\n`) });
  }
  if (locSchema) problems.push(...checkLocalization(localizableStrings(manifest, locSchema), languageFiles));

  if (missing.size > 0) {
    // An unresolved placeholder also fails the GUID, URL and schema checks at the same spot; report
    // the cause once instead of its echoes.
    const echoes = [...missing.values()].flat().map((where) => where.replace(' ', ': ') + ':');
    const sources = envFiles.map((f) => path.relative(root, f)).join(' or ') || `env/.env.${opts.envName} (missing)`;
    const causes = [...missing].map(([name, where]) => {
      const shown = where.length > 3 ? [...where.slice(0, 3), `${where.length - 3} more`] : where;
      return `env: \${{${name}}} is not set in ${sources} or the environment (used by ${shown.join(', ')})`;
    });
    return { zipPath, problems: [...causes, ...problems.filter((p) => !echoes.some((e) => p.startsWith(e)))] };
  }
  if (problems.length > 0) return { zipPath, problems };

  const entries: ZipEntry[] = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: path.posix.normalize(String(icons.color)), data: color! },
    { name: path.posix.normalize(String(icons.outline)), data: outline! },
    ...languageFiles.map((f) => ({ name: path.posix.normalize(f.name), data: f.data })),
  ];
  mkdirSync(outDir, { recursive: true });
  writeFileSync(zipPath, writeZip(entries));
  // Read it back: the file on disk, not the buffer in memory, is what gets uploaded.
  const read = readZip(readFileSync(zipPath));
  const written = read.map((e) => e.name);
  const expected = entries.map((e) => e.name);
  if (written.join('\n') !== expected.join('\n')) {
    rmSync(zipPath, { force: true });
    return { zipPath, problems: [`${path.basename(zipPath)}: written zip holds [${written.join(', ')}], expected [${expected.join(', ')}]`] };
  }
  const changed = read.filter((e, i) => !e.data.equals(entries[i].data)).map((e) => e.name);
  if (changed.length) {
    rmSync(zipPath, { force: true });
    return { zipPath, problems: [`${path.basename(zipPath)}: ${changed.join(', ')} did not read back as written`] };
  }
  return { zipPath, problems: [] };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--write-icons')) {
    for (const file of writeIcons(path.join(findProjectRoot(), 'manifest'))) process.stdout.write(`wrote ${file}\n`);
    return 0;
  }
  const envName = argValue(args, '--env') ?? process.env.TEAMSFX_ENV;
  if (!envName) {
    process.stderr.write('Usage: package-app --env <name> [--out <dir>]   (reads env/.env.<name>)\n');
    return 2;
  }
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const { zipPath, problems } = await buildAppPackage({ envName, outDir: argValue(args, '--out'), env });
  if (problems.length) {
    process.stderr.write(`The Teams app package for "${envName}" has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  process.stdout.write(`Teams app package for "${envName}" is valid: ${path.relative(process.cwd(), zipPath)}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`package-app failed: ${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
