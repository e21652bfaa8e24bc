import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { checkIcons } from '../manifest/tooling/checks';
import { placeholdersIn } from '../manifest/tooling/env-files';
import { colorIcon, encodePng, outlineIcon, type RawImage } from '../manifest/tooling/icons';
import { readZip, writeZip } from '../manifest/tooling/zip';
import { loadConfig } from '../server/config';
import { CONTAINERS, PARTITION_KEY_PATH } from '../domain/ports/store';
import { APP_ROLES } from '../domain/shared/caller';
import { ACTIVITY_TYPES, feedNotification } from '../bot/delivery/feed';
import { NOTICE_KINDS } from '../domain/directory';

// @microsoft/app-manifest requires strip-bom 5, an ES module: Node ≥ 20.19 loads it, Jest's module
// system cannot. Validation never strips a BOM through it, so a stand-in is enough here. Registered
// before the modules that load the library (the esbuild transform does not hoist jest.mock).
jest.mock('strip-bom', () => ({ __esModule: true, default: (s: string) => s.replace(/^\uFEFF/, '') }));
/* eslint-disable @typescript-eslint/no-require-imports */
const { buildAppPackage } = require('../scripts/package-app') as typeof import('../scripts/package-app');
const { bundledVersions } = require('../manifest/tooling/schema') as typeof import('../manifest/tooling/schema');
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The Teams app package, the Azure infrastructure and the Toolkit lifecycle, checked offline:
 * the package builds and validates; broken manifests fail with a clear list; Bicep, env files and
 * teamsapp*.yml stay in step with what the code reads and creates.
 */

const ROOT = path.resolve(__dirname, '..');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');

const TEST_ENV = {
  TEAMS_APP_ID: '3f2b6c1e-8d4a-4f7b-9c2e-1a5d7e9b0c11',
  BOT_ID: '7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
  AAD_APP_CLIENT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  BOT_DOMAIN: 'leaderful-ci.azurewebsites.net',
  APP_NAME_SUFFIX: 'ci',
};

const tmpDirs: string[] = [];
function tmp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'leaderful-pkg-'));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => tmpDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('app package', () => {
  test('builds for an environment and validates with no problems', async () => {
    const outDir = tmp();
    const { zipPath, problems } = await buildAppPackage({ envName: 'ci', outDir, env: TEST_ENV });
    expect(problems).toEqual([]);
    expect(zipPath).toBe(path.join(outDir, 'appPackage.ci.zip'));

    const entries = readZip(readFileSync(zipPath));
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'en.json', 'es.json', 'manifest.json', 'outline.png']);
    const text = Object.fromEntries(entries.map((e) => [e.name, e.data.toString('utf8')]));
    for (const name of ['manifest.json', 'en.json', 'es.json']) expect(text[name]).not.toContain('${{');

    const m = JSON.parse(text['manifest.json']);
    expect(m.manifestVersion).toBe(bundledVersions().at(-1)); // the newest schema the library bundles
    expect(m.id).toBe(TEST_ENV.TEAMS_APP_ID);
    expect(m.name.short).toBe('Leaderfulci');
    expect(m.bots[0].botId).toBe(TEST_ENV.BOT_ID);
    expect(m.bots[0].scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(m.webApplicationInfo).toEqual({ id: TEST_ENV.AAD_APP_CLIENT_ID, resource: `api://${TEST_ENV.BOT_DOMAIN}/${TEST_ENV.AAD_APP_CLIENT_ID}` });
    expect(m.validDomains).toEqual([TEST_ENV.BOT_DOMAIN]);
    expect(m.staticTabs.filter((t: { name?: string }) => t.name).map((t: { name: string; contentUrl: string }) => [t.name, t.contentUrl])).toEqual([
      ['My pilots', `https://${TEST_ENV.BOT_DOMAIN}/tabs/index.html#/pilots`],
      ['Leader view', `https://${TEST_ENV.BOT_DOMAIN}/tabs/index.html#/leader`],
      ['Feedback', `https://${TEST_ENV.BOT_DOMAIN}/tabs/index.html#/feedback`],
      ['Preferences', `https://${TEST_ENV.BOT_DOMAIN}/tabs/index.html#/preferences`],
    ]);
    expect(m.configurableTabs).toHaveLength(1);
    expect(m.configurableTabs[0].configurationUrl).toBe(`https://${TEST_ENV.BOT_DOMAIN}/tabs/index.html#/config`);
    // Meetings (side panel, stage, details and chat tabs) and group chats, where circles pin their page.
    expect(m.configurableTabs[0].scopes).toEqual(['team', 'groupChat']);
    expect(m.configurableTabs[0].context).toEqual(expect.arrayContaining(['channelTab', 'privateChatTab', 'meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab', 'meetingStage']));
    const me = m.composeExtensions[0];
    expect(me.commands.map((c: { title: string }) => c.title)).toEqual(['Find pilots and practices', 'Launch a pilot', 'Give kudos', 'Send feedback', 'Find practice stories']);
    expect(me.messageHandlers).toEqual([{ type: 'link', value: { domains: [TEST_ENV.BOT_DOMAIN] } }]);

    const es = JSON.parse(text['es.json']);
    expect(es['staticTabs[0].name']).toBe('Mis pilotos');
    expect(es['staticTabs[3].name']).toBe('Preferencias');
    expect(es['composeExtensions[0].commands[0].title']).toBe('Buscar pilotos y prácticas');
  });

  test('the zip is byte-for-byte reproducible', async () => {
    const a = await buildAppPackage({ envName: 'ci', outDir: tmp(), env: TEST_ENV });
    const b = await buildAppPackage({ envName: 'ci', outDir: tmp(), env: TEST_ENV });
    expect(readFileSync(a.zipPath).equals(readFileSync(b.zipPath))).toBe(true);
  });

  test('unset placeholders are listed by variable, once, and no zip is written', async () => {
    // Like a fresh env/.env.local: the Toolkit has not filled anything in yet.
    const envDir = tmp();
    writeFileSync(path.join(envDir, '.env.fresh'), 'TEAMSFX_ENV=fresh\nAPP_NAME_SUFFIX=fresh\nTEAMS_APP_ID=\nBOT_ID=\n');
    const outDir = tmp();
    const { zipPath, problems } = await buildAppPackage({ envName: 'fresh', outDir, envDir, env: {} });
    expect(problems).toHaveLength(4);
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN', 'AAD_APP_CLIENT_ID']) {
      expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^env: \\$\\{\\{${name}\\}\\} is not set in .*\\.env\\.fresh or the environment \\(used by manifest\\.json `)));
    }
    expect(existsSync(zipPath)).toBe(false);
  });

  test('committed env files hold no secrets (the Toolkit keeps SECRET_* in the git-ignored .user files)', () => {
    for (const file of ['env/.env.dev', 'env/.env.local']) {
      expect([...envFileKeys(file)].filter((k) => k.startsWith('SECRET_') || /PASSWORD|_KEY$/i.test(k))).toEqual([]);
    }
  });

  test('the committed icons are the ones the icon code draws', () => {
    expect(readFileSync(path.join(ROOT, 'manifest/color.png')).equals(encodePng(colorIcon()))).toBe(true);
    expect(readFileSync(path.join(ROOT, 'manifest/outline.png')).equals(encodePng(outlineIcon()))).toBe(true);
  });
});

describe('a broken manifest fails with a clear list of problems', () => {
  /** A copy of manifest/ to break; returns its path. */
  function copyManifest(): string {
    const dir = path.join(tmp(), 'manifest');
    cpSync(path.join(ROOT, 'manifest'), dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}tooling`) });
    return dir;
  }
  function editJson(file: string, edit: (j: Record<string, any>) => void): void {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    edit(j);
    writeFileSync(file, JSON.stringify(j, null, 2));
  }
  async function build(manifestDir: string, env: Record<string, string> = TEST_ENV) {
    const outDir = tmp();
    const result = await buildAppPackage({ envName: 'ci', outDir, env, manifestDir });
    expect(existsSync(result.zipPath)).toBe(result.problems.length === 0);
    return result.problems;
  }

  test('every kind of problem at once, each named with its file and path', async () => {
    const dir = copyManifest();
    editJson(path.join(dir, 'manifest.json'), (m) => {
      m.staticTabs[0].contentUrl = 'http://leaderful-ci.azurewebsites.net/tabs/index.html#/pilots';
      m.colour = 'teal'; // not in the schema
    });
    editJson(path.join(dir, 'es.json'), (es) => {
      delete es['staticTabs[1].name'];
    });
    writeFileSync(path.join(dir, 'color.png'), encodePng(solid(100, 100, 3, [14, 124, 107])));
    const problems = await build(dir, { ...TEST_ENV, BOT_ID: 'not-a-guid' });

    expect(problems).toEqual(
      expect.arrayContaining([
        'manifest.json: staticTabs[0].contentUrl: must use https (got "http://leaderful-ci.azurewebsites.net/tabs/index.html#/pilots")',
        'manifest.json: bots[0].botId: must be a GUID (got "not-a-guid")',
        'color.png: colour icon must be 192×192 pixels (is 100×100)',
        'es.json: staticTabs[1].name: missing (es has no translation for "Leader view")',
        'manifest.json: (root): must NOT have additional properties ("colour") [schema]',
      ]),
    );
  });

  test('http URLs', async () => {
    const dir = copyManifest();
    editJson(path.join(dir, 'manifest.json'), (m) => {
      m.developer.privacyUrl = 'http://example.com/privacy';
      m.configurableTabs[0].configurationUrl = '/tabs/index.html#/config';
    });
    const problems = await build(dir);
    expect(problems).toContain('manifest.json: developer.privacyUrl: must use https (got "http://example.com/privacy")');
    expect(problems).toContain('manifest.json: configurableTabs[0].configurationUrl: must be an absolute https URL (got "/tabs/index.html#/config")');
  });

  test('ids that are not GUIDs, and the all-zero GUID', async () => {
    const problems = await build(copyManifest(), { ...TEST_ENV, TEAMS_APP_ID: '12345', AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-000000000000' });
    expect(problems).toContain('manifest.json: id: must be a GUID (got "12345")');
    expect(problems).toContain('manifest.json: webApplicationInfo.id: is the all-zero GUID, a placeholder rather than a real id');
  });

  test('icon sizes, a missing icon, and an outline icon that is not white on transparent', async () => {
    const dir = copyManifest();
    const outline = outlineIcon();
    outline.data.set([255, 0, 0, 255], (5 * 32 + 3) * 4); // one red pixel at (3, 5)
    writeFileSync(path.join(dir, 'outline.png'), encodePng(outline));
    let problems = await build(dir);
    expect(problems).toEqual([
      'outline.png: outline icon must be white on transparent; 1 pixel(s) are another colour, first at (3, 5): rgba(255, 0, 0, 255)',
    ]);

    writeFileSync(path.join(dir, 'outline.png'), encodePng(solid(32, 32, 3, [255, 255, 255])));
    problems = await build(dir);
    expect(problems).toEqual(['outline.png: outline icon must have an alpha channel (RGBA) for its transparent background (colour type 2)']);

    writeFileSync(path.join(dir, 'outline.png'), encodePng(solid(48, 48, 4, [255, 255, 255, 255])));
    problems = await build(dir);
    expect(problems).toEqual([
      'outline.png: outline icon must be 32×32 pixels (is 48×48)',
      'outline.png: outline icon has no transparent pixels; its background must be transparent',
    ]);

    rmSync(path.join(dir, 'color.png'));
    writeFileSync(path.join(dir, 'outline.png'), Buffer.from('not a png'));
    problems = await build(dir);
    expect(problems).toEqual(['manifest.json: icons.color: file "color.png" does not exist in manifest/', 'outline.png: not a valid PNG (Invalid file signature)']);
  });

  test('localization: missing, empty and stale keys, a default file that disagrees, a schema mismatch', async () => {
    const dir = copyManifest();
    editJson(path.join(dir, 'es.json'), (es) => {
      delete es['composeExtensions[0].commands[2].title'];
      es['description.short'] = ' ';
      es['staticTabs[5].name'] = 'Sobra';
    });
    editJson(path.join(dir, 'en.json'), (en) => {
      en['staticTabs[0].name'] = 'Pilots';
      en.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.Localization.schema.json';
    });
    const problems = await build(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        'es.json: composeExtensions[0].commands[2].title: missing (es has no translation for "Give kudos")',
        'es.json: description.short: must be a non-empty string',
        'es.json: staticTabs[5].name: not a localizable string in manifest.json (stale or misspelt key)',
        'en.json: staticTabs[0].name: default-language file says "Pilots" but manifest.json says "My pilots"',
        'en.json: $schema: must be the v1.30 MicrosoftTeams.Localization.schema.json, like manifest.json (got "https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.Localization.schema.json")',
      ]),
    );
  });

  test('schema violations and an unbundled schema version', async () => {
    const dir = copyManifest();
    editJson(path.join(dir, 'manifest.json'), (m) => {
      m.name.short = 'Leaderful, the app for leading change in teams';
      m.bots[0].scopes = ['personal', 'everyone'];
    });
    let problems = await build(dir);
    expect(problems).toContain('manifest.json: name.short: must NOT have more than 30 characters [schema]');
    expect(problems).toContain('manifest.json: bots[0].scopes[1]: must be equal to one of the allowed values (allowed: team, personal, groupChat, copilot) [schema]');

    editJson(path.join(dir, 'manifest.json'), (m) => {
      m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json';
      m.manifestVersion = '1.18';
    });
    problems = await build(dir);
    expect(problems[0]).toMatch(/^manifest\.json: \$schema: version 1\.18 is not bundled with @microsoft\/app-manifest \(bundled: .*1\.17, 1\.19.*\); Teams has no 1\.18$/);
  });

  test('domains and SSO: pages and the SSO resource must be on validDomains', async () => {
    const dir = copyManifest();
    editJson(path.join(dir, 'manifest.json'), (m) => {
      m.staticTabs[1].contentUrl = 'https://elsewhere.example.com/leader';
      m.webApplicationInfo.resource = 'api://elsewhere.example.com/${{BOT_ID}}';
      m.composeExtensions[0].messageHandlers[0].value.domains = ['https://${{BOT_DOMAIN}}/pilots'];
    });
    const problems = await build(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        'manifest.json: staticTabs[1].contentUrl: host "elsewhere.example.com" is not in validDomains',
        'manifest.json: webApplicationInfo.resource: domain "elsewhere.example.com" is not in validDomains',
        `manifest.json: webApplicationInfo.resource: must end with webApplicationInfo.id ("${TEST_ENV.AAD_APP_CLIENT_ID}"), got "${TEST_ENV.BOT_ID}"`,
        `manifest.json: composeExtensions[0].messageHandlers[0].value.domains[0]: must be a host name without scheme or path (got "https://${TEST_ENV.BOT_DOMAIN}/pilots")`,
      ]),
    );
  });
});

describe('PNG and zip helpers', () => {
  test('icons are read whatever row filters they use (None, Sub, Up, Average, Paeth)', () => {
    const img: RawImage = { width: 7, height: 5, channels: 4, data: new Uint8Array(7 * 5 * 4).map((_, i) => (i * 37 + (i >> 3) * 11) & 0xff) };
    const decoded = PNG.sync.read(pngWithFilters(img, [0, 1, 2, 3, 4]));
    expect(Buffer.from(decoded.data)).toEqual(Buffer.from(img.data));
  });

  test('a corrupt chunk is reported, not decoded', async () => {
    const png = encodePng(outlineIcon());
    png[20] ^= 0xff; // inside IHDR
    expect(await checkIcons(undefined, { name: 'outline.png', data: png })).toEqual([expect.stringMatching(/^outline\.png: not a valid PNG \(Crc error/)]);
  });

  test('zip entries round-trip and a damaged entry fails to read', () => {
    const entries = [
      { name: 'manifest.json', data: Buffer.from('{"a":1}') },
      { name: 'icons/x.bin', data: Buffer.alloc(5000, 7) },
    ];
    const zip = writeZip(entries);
    expect(readZip(zip)).toEqual(entries);
    const damaged = Buffer.from(zip);
    damaged[30 + 'manifest.json'.length + 1] ^= 0x55; // inside the first entry's deflated data
    expect(() => readZip(damaged)).toThrow();
    expect(() => writeZip([{ name: '../evil', data: Buffer.alloc(1) }])).toThrow('unsafe zip entry name');
  });
});

// ---------------------------------------------------------------------------------------------
// Infrastructure and lifecycle files, checked against the code.

const bicep = read('infra/main.bicep');

/** Keys of server/config.ts's z.object({...}): every setting the app reads. */
function configKeys(): string[] {
  const src = read('server/config.ts');
  const start = src.indexOf('.object({');
  const end = src.indexOf('\n  })', start);
  expect(start).toBeGreaterThan(0);
  return [...src.slice(start, end).matchAll(/^\s{4}([A-Za-z_][A-Za-z0-9_]*)\s*:/gm)].map((m) => m[1]);
}

/** The body of a top-level `resource <name> '<type>' = {` block (brace-matched). */
function bicepResource(name: string): string {
  const start = bicep.search(new RegExp(`^resource ${name} '`, 'm'));
  expect(start).toBeGreaterThanOrEqual(0);
  let depth = 0;
  for (let i = bicep.indexOf('{', start); i < bicep.length; i++) {
    if (bicep[i] === '{') depth++;
    else if (bicep[i] === '}' && --depth === 0) return bicep.slice(start, i + 1);
  }
  throw new Error(`unterminated resource ${name}`);
}

/** App settings the Bicep gives the web app: name → Bicep expression. */
function bicepAppSettings(): Map<string, string> {
  const block = bicepResource('appSettings');
  expect(block).toContain("'Microsoft.Web/sites/config@");
  expect(block).toContain("name: 'appsettings'");
  const props = block.slice(block.indexOf('properties: {'));
  return new Map([...props.matchAll(/^\s{4}([A-Za-z_][A-Za-z0-9_]*):\s*(.+)$/gm)].map((m) => [m[1], m[2].trim()]));
}

/** `key: value` lines of every indented block that follows a line ending in `<header>:` in a YAML file. */
function yamlBlocks(yaml: string, header: string): Map<string, string>[] {
  const lines = yaml.split('\n');
  const blocks: Map<string, string>[] = [];
  lines.forEach((line, i) => {
    const m = new RegExp(`^(\\s*)(- )?${header}:\\s*$`).exec(line);
    if (!m) return;
    const indent = m[1].length + (m[2] ? 2 : 0);
    const block = new Map<string, string>();
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j];
      if (!l.trim() || l.trim().startsWith('#')) continue;
      if (l.length - l.trimStart().length <= indent) break;
      const kv = /^\s*([A-Za-z_][A-Za-z0-9_]*):\s*(.*)$/.exec(l);
      if (kv) block.set(kv[1], kv[2].trim());
    }
    blocks.push(block);
  });
  return blocks;
}

function envFileKeys(rel: string): Set<string> {
  return new Set([...read(rel).matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
}

/** Settings the app reads that Azure leaves unset on purpose, and why. */
const NOT_SET_IN_AZURE: Record<string, string> = {
  ACTIVITY_FEED: 'unset: on, since Microsoft Graph is configured; false only while TeamsActivity.Send is not granted',
  PORT: 'App Service sets it',
  HOST: 'defaults to 0.0.0.0 with NODE_ENV=production',
  LOG_LEVEL: 'defaults to info',
  MicrosoftAppPassword: 'must stay empty: the bot authenticates as the managed identity',
  BOT_OPENID_METADATA: 'tests only: overrides the channel OpenID metadata URL',
  COSMOS_KEY: 'must not be set: Cosmos has key auth disabled, the app uses Entra ID',
  DATA_DIR: 'embedded store only',
  EMBEDDED_SNAPSHOT: 'embedded store only',
  SEED_DEMO_DATA: 'embedded store only (defaults to off with a real endpoint)',
  AAD_JWKS_URI: 'defaults to the Entra ID public cloud',
  AAD_AUTHORITY_HOST: 'defaults to the Entra ID public cloud',
  DEMO_SIGN_IN: 'local development only; config refuses it with NODE_ENV=production',
  BACKGROUND: 'scheduler and delivery loops default to on outside tests',
  MAX_BODY_BYTES: 'defaults to 256 KB',
  RATE_LIMIT_API_PER_MINUTE: 'defaults to 600 requests per user per minute',
  RATE_LIMIT_FEEDBACK_PER_HOUR: 'defaults to 20 feedback items per user per hour',
  GRAPH_LOCAL_TOKEN: 'a local Graph stand-in only; config refuses it with NODE_ENV=production',
  GRAPH_LOCAL_CA: 'a local Graph stand-in only; config refuses it with NODE_ENV=production',
  RATE_LIMIT_NOTIFY_PER_HOUR: 'defaults to 120 actions that message others per user per hour',
};
const MUST_NOT_BE_SET_IN_AZURE = ['COSMOS_KEY', 'MicrosoftAppPassword', 'DEMO_SIGN_IN', 'GRAPH_LOCAL_TOKEN', 'GRAPH_LOCAL_CA'];
/** App settings read by the platform rather than by server/config.ts. */
const PLATFORM_SETTINGS: Record<string, string> = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'Application Insights agent',
  ApplicationInsightsAgent_EXTENSION_VERSION: 'turns on the Application Insights agent for Node',
  WEBSITE_RUN_FROM_PACKAGE: 'App Service runs the deployed zip read-only',
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'the deploy ships a built artifact',
};

describe('infrastructure matches the code', () => {
  test('Cosmos containers and partition key are exactly the ones domain/ports/store.ts uses', () => {
    const list = /var containerNames = \[([^\]]*)\]/.exec(bicep);
    expect(list).not.toBeNull();
    const names = [...list![1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(names).toEqual([...CONTAINERS]);
    expect(/var partitionKeyPath = '([^']+)'/.exec(bicep)?.[1]).toBe(PARTITION_KEY_PATH);
    const containers = bicepResource('containers');
    expect(containers).toMatch(/= \[for containerName in containerNames: \{/);
    expect(containers).toMatch(/paths: \[\s*partitionKeyPath\s*\]/);
    expect(containers).toContain('kind: \'Hash\''); // single path, no hierarchical keys
  });

  test('every setting config.ts reads is set by the Bicep or deliberately left unset, with a reason', () => {
    const keys = configKeys();
    const settings = bicepAppSettings();
    expect(keys.length).toBeGreaterThan(15);
    const unaccounted = keys.filter((k) => !settings.has(k) && !(k in NOT_SET_IN_AZURE));
    expect(unaccounted).toEqual([]);
    expect(keys.filter((k) => settings.has(k) && k in NOT_SET_IN_AZURE)).toEqual([]);
    expect(Object.keys(NOT_SET_IN_AZURE).filter((k) => !keys.includes(k))).toEqual([]); // no stale reasons
    expect([...settings.keys()].filter((k) => !keys.includes(k) && !(k in PLATFORM_SETTINGS))).toEqual([]); // no typos
    for (const k of MUST_NOT_BE_SET_IN_AZURE) expect(settings.has(k)).toBe(false);
  });

  test('the Azure settings make a valid production configuration', () => {
    // Bicep expressions cannot be evaluated here: literals are used as they are, the rest get a
    // value of the shape Azure produces.
    const shapes: Record<string, string> = {
      PUBLIC_URL: 'https://leaderful1a2b3c.azurewebsites.net',
      COSMOS_ENDPOINT: 'https://leaderful1a2b3c.documents.azure.com:443/',
      AAD_APP_ID_URI: `api://leaderful1a2b3c.azurewebsites.net/${TEST_ENV.AAD_APP_CLIENT_ID}`,
    };
    const env: Record<string, string> = { PORT: '8080' };
    for (const [k, expr] of bicepAppSettings()) env[k] = /^'[^']*'$/.test(expr) ? expr.slice(1, -1) : (shapes[k] ?? TEST_ENV.AAD_APP_CLIENT_ID);
    const config = loadConfig(env);
    expect(config).toMatchObject({ NODE_ENV: 'production', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: '', DEMO_SIGN_IN: false, COSMOS_DATABASE: expect.any(String) });
    expect(config.COSMOS_KEY).toBeUndefined();
    expect(bicepAppSettings().get('MicrosoftAppId')).toBe(bicepAppSettings().get('AZURE_CLIENT_ID')); // one identity for bot and Cosmos
  });

  test('no keys or secrets: Entra ID everywhere', () => {
    expect(bicep).not.toMatch(/listKeys\(|listConnectionStrings\(|primaryMasterKey|AccountKey=|@secure\(\)/);
    expect(bicepResource('cosmos')).toMatch(/disableLocalAuth: true/);
    const role = bicepResource('cosmosDataContributor');
    expect(role).toContain("'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@");
    expect(role).toContain('principalId: identity.properties.principalId');
    expect(bicep).toContain("var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'");
    expect(role).toContain("roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'");
    const bot = bicepResource('bot');
    expect(bot).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bot).toContain('msaAppId: identity.properties.clientId');
    expect(bot).toContain('msaAppMSIResourceId: identity.id');
    expect(bot).toContain("endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'");
    expect(bicepResource('teamsChannel')).toContain("channelName: 'MsTeamsChannel'");
  });

  test('App Service: Linux, Node 22 LTS, https only, runs the built server', () => {
    const site = bicepResource('webApp');
    expect(site).toContain('httpsOnly: true');
    expect(site).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(site).toContain("kind: 'app,linux'");
    expect(bicepResource('plan')).toContain('reserved: true');
    expect(site).toContain("'${identity.id}': {}");
    const start = /appCommandLine: 'node ([^']+)'/.exec(site)?.[1];
    expect(start).toBe('dist/server/main.js');
    // The staged artifact holds the start file and what the server looks for at start-up.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PLAN } = require('../infra/stage-webapp.cjs') as { PLAN: [string, string][] };
    const staged = PLAN.map(([, to]) => to);
    expect(staged).toEqual(expect.arrayContaining(['package.json', 'dist/server', 'dist/tabs', 'store/embedded-cosmos.cjs']));
    expect(read('scripts/build.mjs')).toMatch(/entryPoints: \{ 'server\/main': /); // → dist/server/main.js
  });

  test('parameters file and Bicep params agree', () => {
    const params = [...bicep.matchAll(/^param (\w+) \w+( = .+)?$/gm)].map((m) => ({ name: m[1], hasDefault: !!m[2] }));
    const given = Object.keys(JSON.parse(read('infra/main.parameters.json')).parameters);
    expect(given.filter((g) => !params.some((p) => p.name === g))).toEqual([]);
    expect(params.filter((p) => !p.hasDefault && !given.includes(p.name)).map((p) => p.name)).toEqual([]);
  });
});

describe('Toolkit lifecycle files', () => {
  const TEMPLATES = ['manifest/manifest.json', 'manifest/en.json', 'manifest/es.json', 'infra/aad.manifest.json'];

  /** Every ${{VAR}} a profile uses is declared in its env file, written by an earlier action, or a secret. */
  function undeclared(profile: string, envFile: string): string[] {
    const yml = read(profile);
    const declared = envFileKeys(envFile);
    for (const block of yamlBlocks(yml, 'writeToEnvironmentFile')) for (const v of block.values()) declared.add(v);
    const templates = [...TEMPLATES, ...[...yml.matchAll(/parameters: \.\/(\S+)/g)].map((m) => m[1])];
    const used = new Set([yml, ...templates.map(read)].flatMap(placeholdersIn));
    return [...used].filter((v) => !declared.has(v) && !v.startsWith('SECRET_'));
  }

  test('teamsapp.yml: every placeholder is declared, and Bicep outputs are listed in env/.env.dev', () => {
    expect(undeclared('teamsapp.yml', 'env/.env.dev')).toEqual([]);
    const outputs = [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]);
    expect(outputs).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'AZURE_APP_SERVICE_RESOURCE_ID']));
    const dev = envFileKeys('env/.env.dev');
    expect(outputs.filter((o) => !dev.has(o))).toEqual([]);
  });

  test('teamsapp.local.yml: every placeholder is declared in env/.env.local', () => {
    expect(undeclared('teamsapp.local.yml', 'env/.env.local')).toEqual([]);
  });

  test('files the profiles point at exist, and they build the zip where the package script does', () => {
    for (const profile of ['teamsapp.yml', 'teamsapp.local.yml']) {
      const yml = read(profile);
      const refs = [...yml.matchAll(/(?:manifestPath|path|parameters): (\.\/[^\s]+)/g)].map((m) => m[1]);
      expect(refs.length).toBeGreaterThan(2);
      for (const ref of refs) expect([profile, ref, existsSync(path.join(ROOT, ref))]).toEqual([profile, ref, true]);
      for (const zip of yml.matchAll(/(?:outputZipPath|appPackagePath): (\S+)/g)) expect(zip[1]).toBe('./dist/appPackage/appPackage.${{TEAMSFX_ENV}}.zip');
      expect(yml).toContain('args: run package -- --env ${{TEAMSFX_ENV}}');
    }
    expect(read('teamsapp.yml')).toContain('run: node infra/stage-webapp.cjs');
    expect(read('teamsapp.yml')).toContain('artifactFolder: ./dist/deploy/webapp');
  });

  test('the local profile runs on the embedded store with real Teams SSO and a valid configuration', () => {
    const [envs] = yamlBlocks(read('teamsapp.local.yml'), 'envs');
    const keys = configKeys();
    expect([...envs.keys()].filter((k) => !keys.includes(k))).toEqual([]);
    expect(envs.has('COSMOS_ENDPOINT')).toBe(false);
    expect(envs.get('DEMO_SIGN_IN')).toBe('false');
    expect(envs.get('AAD_APP_ID_URI')).toBe('api://${{BOT_DOMAIN}}/${{AAD_APP_CLIENT_ID}}');
    for (const k of ['MicrosoftAppId', 'MicrosoftAppPassword', 'AAD_APP_CLIENT_ID', 'PUBLIC_URL', 'TEAMS_APP_ID']) expect(envs.has(k)).toBe(true);
    const sample = Object.fromEntries([...envs].map(([k, v]) => [k, v.replace(/\$\{\{(\w+)\}\}/g, (_, n: string) => (n === 'BOT_ENDPOINT' ? 'https://abc-3978.usw2.devtunnels.ms' : n === 'BOT_DOMAIN' ? 'abc-3978.usw2.devtunnels.ms' : TEST_ENV.BOT_ID))]));
    const config = loadConfig(sample);
    expect(config).toMatchObject({ DEMO_SIGN_IN: false, MicrosoftAppType: 'MultiTenant' });
    expect(config.COSMOS_ENDPOINT).toBeUndefined();
  });

  test('the Entra app exposes access_as_user at api://<domain>/<client id>, as the server and manifest expect', () => {
    const aad = JSON.parse(read('infra/aad.manifest.json'));
    expect(aad.identifierUris).toEqual(['api://${{BOT_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(aad.api.oauth2PermissionScopes.map((s: { value: string }) => s.value)).toEqual(['access_as_user']);
    const preAuthorized = aad.api.preAuthorizedApplications.map((a: { appId: string }) => a.appId);
    expect(preAuthorized).toEqual(expect.arrayContaining(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'])); // Teams desktop/mobile, web
    expect(read('server/identity.ts')).toContain("'access_as_user'");
    const m = JSON.parse(read('manifest/manifest.json'));
    expect(m.webApplicationInfo.resource).toBe(aad.identifierUris[0]);
    expect(read('teamsapp.yml')).toMatch(/name: Leaderful\$\{\{APP_NAME_SUFFIX\}\}-sso/);
    expect(aad.displayName).toBe('Leaderful${{APP_NAME_SUFFIX}}-sso'); // aadApp/update renames to this
  });

  test('the Entra app declares exactly the app roles the server honours, for users (and groups) to be assigned', () => {
    const aad = JSON.parse(read('infra/aad.manifest.json'));
    expect(aad.appRoles.map((r: { value: string }) => r.value).sort()).toEqual(Object.keys(APP_ROLES).sort());
    for (const role of aad.appRoles) {
      expect(role).toMatchObject({ allowedMemberTypes: ['User'], isEnabled: true });
      expect(role.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect(new Set(aad.appRoles.map((r: { id: string }) => r.id)).size).toBe(aad.appRoles.length);
  });
});

describe('manifest matches the bot and tab code', () => {
  const manifest = JSON.parse(read('manifest/manifest.json'));

  test('message extension command ids and the search parameter are the ones the handler routes on', () => {
    const src = read('bot/app/message-extension.ts');
    const block = /ME_COMMANDS = \{([^}]*)\}/.exec(src)?.[1] ?? '';
    const ids = [...block.matchAll(/:\s*'([^']+)'/g)].map((m) => m[1]);
    expect(manifest.composeExtensions[0].commands.map((c: { id: string }) => c.id).sort()).toEqual(ids.sort());
    expect(src).toContain(`p.name === '${manifest.composeExtensions[0].commands[0].parameters[0].name}'`);
  });

  test('bot command titles are the chat commands the bot understands', () => {
    const src = read('bot/help/commands.ts');
    const names = [...(/COMMANDS = \[([\s\S]*?)\];/.exec(src)?.[1] ?? '').matchAll(/name: '([^']+)'/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    const [personal, ...shared] = manifest.bots[0].commandLists as { scopes: string[]; commands: { title: string }[] }[];
    expect(personal.scopes).toEqual(['personal']);
    expect(personal.commands.map((c) => c.title)).toEqual(names);
    // In channels and group chats, only the commands that make sense in front of the team.
    for (const list of shared) for (const c of list.commands) expect(names).toContain(c.title);
    // Teams sends the localized title as the message text, so titles stay as the bot parses them.
    const es = JSON.parse(read('manifest/es.json'));
    for (const [k, v] of Object.entries(es)) if (/^bots\[0\].*\.title$/.test(k)) expect(names).toContain(v);
  });

  test('activity feed notices use the activity types the manifest declares, with the parameters their templates name', () => {
    const declared = manifest.activities.activityTypes as { type: string; templateText: string }[];
    expect(declared.map((a) => a.type).sort()).toEqual(Object.values(ACTIVITY_TYPES).sort());
    const localized = ['en', 'es'].map((l) => JSON.parse(read(`manifest/${l}.json`)) as Record<string, string>);
    const sample = { pilotTitle: 'Retro', pilotId: 'pilot:1', message: 'Thanks', waiting: 2 };
    for (const notice of NOTICE_KINDS) {
      const n = feedNotification({ publicUrl: 'https://leaderful.test' }, notice, { kind: notice === 'checkin_due' ? 'checkin_prompt' : 'feedback_reply', data: sample }, 'en');
      const i = declared.findIndex((a) => a.type === n.activityType);
      // Every template, in every language, names exactly the parameters sent (and {actor}, which Teams fills).
      for (const texts of [declared[i].templateText, ...localized.map((l) => l[`activities.activityTypes[${i}].templateText`])]) {
        const named = [...texts.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((p) => p !== 'actor');
        expect(named.sort()).toEqual(n.templateParameters.map((p) => p.name).sort());
      }
    }
  });

  test('deep links from cards open static tabs that exist', () => {
    const entities = [...read('bot/app/links.ts').matchAll(/\/l\/entity\/\$\{[^}]+\}\/(\w+)/g)].map((m) => m[1]);
    expect(entities.length).toBeGreaterThan(0);
    const tabIds = manifest.staticTabs.map((t: { entityId: string }) => t.entityId);
    for (const e of entities) expect(tabIds).toContain(e);
  });
});

// ---------------------------------------------------------------------------------------------

function solid(width: number, height: number, channels: 3 | 4, px: number[]): RawImage {
  const data = new Uint8Array(width * height * channels);
  for (let i = 0; i < width * height; i++) data.set(px, i * channels);
  return { width, height, channels, data };
}

/** A PNG whose rows use the given filter types in turn, to exercise the reader. */
function pngWithFilters(img: RawImage, filters: number[]): Buffer {
  const { width, height, channels: bpp, data } = img;
  const stride = width * bpp;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const f = filters[y % filters.length];
    raw[y * (stride + 1)] = f;
    for (let x = 0; x < stride; x++) {
      const cur = data[y * stride + x];
      const a = x >= bpp ? data[y * stride + x - bpp] : 0;
      const b = y > 0 ? data[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? data[(y - 1) * stride + x - bpp] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][f];
      raw[y * (stride + 1) + 1 + x] = (cur - pred) & 0xff;
    }
  }
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
