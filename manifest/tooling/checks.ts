import { PNG, type Metadata } from 'pngjs';

/**
 * Package rules the Teams JSON schema does not express (or expresses with unhelpful messages):
 * https everywhere, GUID ids, domains, SSO resource, icon sizes and transparency, complete
 * localization. Each check returns problems as "file: path: what is wrong" lines.
 */

type Json = Record<string, unknown>;

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';

/** Every string leaf with its path in localization-file notation ("bots[0].commandLists[0]…"). */
export function stringLeaves(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, at ? `${at}.${k}` : k));
  }
  return [];
}

const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

export function checkIds(m: Json, file = 'manifest.json'): string[] {
  const ids: [string, unknown][] = [['id', m.id]];
  arr(m.bots).forEach((b, i) => ids.push([`bots[${i}].botId`, b.botId]));
  arr(m.composeExtensions).forEach((c, i) => c.botId !== undefined && ids.push([`composeExtensions[${i}].botId`, c.botId]));
  arr(m.staticTabs).forEach((t, i) => t.contentBotId !== undefined && ids.push([`staticTabs[${i}].contentBotId`, t.contentBotId]));
  if (m.webApplicationInfo) ids.push(['webApplicationInfo.id', obj(m.webApplicationInfo).id]);
  const problems: string[] = [];
  for (const [at, v] of ids) {
    if (typeof v !== 'string' || !GUID.test(v)) problems.push(`${file}: ${at}: must be a GUID (got ${JSON.stringify(v)})`);
    else if (v === NIL_GUID) problems.push(`${file}: ${at}: is the all-zero GUID, a placeholder rather than a real id`);
  }
  const botIds = new Set(arr(m.bots).map((b) => b.botId));
  arr(m.composeExtensions).forEach((c, i) => {
    if (c.botId !== undefined && botIds.size > 0 && !botIds.has(c.botId)) {
      problems.push(`${file}: composeExtensions[${i}].botId: differs from bots[0].botId; the message extension runs on the same bot`);
    }
  });
  return problems;
}

/** No plain http anywhere; every *Url field is an absolute https URL with a host. */
export function checkUrls(doc: unknown, file = 'manifest.json'): string[] {
  const problems: string[] = [];
  for (const [at, value] of stringLeaves(doc)) {
    const isUrlField = /url$/i.test(at) && !at.endsWith('$schema');
    if (/^http:\/\//i.test(value)) {
      problems.push(`${file}: ${at}: must use https (got "${value}")`);
      continue;
    }
    if (!isUrlField) continue;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== 'https:' || !url.hostname) problems.push(`${file}: ${at}: must be an absolute https URL (got "${value}")`);
  }
  return problems;
}

function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase();
  const p = pattern.toLowerCase();
  return p.startsWith('*.') ? h.endsWith(p.slice(1)) && h.length > p.length - 1 : h === p;
}

const BARE_DOMAIN = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d+)?$/i;

/** validDomains are bare host names, and every page Teams loads is on one of them. */
export function checkDomains(m: Json, file = 'manifest.json'): string[] {
  const problems: string[] = [];
  const domains = Array.isArray(m.validDomains) ? (m.validDomains as unknown[]) : [];
  domains.forEach((d, i) => {
    if (typeof d !== 'string' || !BARE_DOMAIN.test(d)) {
      problems.push(`${file}: validDomains[${i}]: must be a host name without scheme or path (got ${JSON.stringify(d)})`);
    }
  });
  const valid = domains.filter((d): d is string => typeof d === 'string');
  const pages: [string, unknown][] = [];
  arr(m.staticTabs).forEach((t, i) => {
    pages.push([`staticTabs[${i}].contentUrl`, t.contentUrl], [`staticTabs[${i}].websiteUrl`, t.websiteUrl]);
  });
  arr(m.configurableTabs).forEach((t, i) => pages.push([`configurableTabs[${i}].configurationUrl`, t.configurationUrl]));
  arr(m.composeExtensions).forEach((c, i) =>
    arr(c.commands).forEach((cmd, j) => pages.push([`composeExtensions[${i}].commands[${j}].taskInfo.url`, obj(cmd.taskInfo).url])),
  );
  for (const [at, v] of pages) {
    if (typeof v !== 'string') continue;
    let host: string;
    try {
      host = new URL(v).host;
    } catch {
      continue; // checkUrls reports malformed URLs
    }
    if (!valid.some((d) => hostMatches(host, d))) problems.push(`${file}: ${at}: host "${host}" is not in validDomains`);
  }
  arr(m.composeExtensions).forEach((c, i) =>
    arr(c.messageHandlers).forEach((h, j) =>
      arr(obj(h.value).domains).forEach((d, k) => {
        if (typeof d !== 'string' || !BARE_DOMAIN.test(d)) {
          problems.push(`${file}: composeExtensions[${i}].messageHandlers[${j}].value.domains[${k}]: must be a host name without scheme or path (got ${JSON.stringify(d)})`);
        }
      }),
    ),
  );
  return problems;
}

/** Tab SSO: resource is api://<one of validDomains>/<webApplicationInfo.id>. */
export function checkSso(m: Json, file = 'manifest.json'): string[] {
  if (!m.webApplicationInfo) return [`${file}: webApplicationInfo: missing; the tabs sign in with Teams SSO`];
  const { id, resource } = obj(m.webApplicationInfo);
  const match = typeof resource === 'string' ? /^api:\/\/([^/]+)\/([^/]+)$/.exec(resource) : null;
  if (!match) return [`${file}: webApplicationInfo.resource: must be "api://<domain>/<app id>" (got ${JSON.stringify(resource)})`];
  const problems: string[] = [];
  const valid = Array.isArray(m.validDomains) ? (m.validDomains as string[]) : [];
  if (!valid.some((d) => typeof d === 'string' && hostMatches(match[1], d))) {
    problems.push(`${file}: webApplicationInfo.resource: domain "${match[1]}" is not in validDomains`);
  }
  if (match[2] !== id) problems.push(`${file}: webApplicationInfo.resource: must end with webApplicationInfo.id (${JSON.stringify(id)}), got "${match[2]}"`);
  return problems;
}

export function checkStructure(m: Json, file = 'manifest.json'): string[] {
  const problems: string[] = [];
  if (typeof m.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(m.version)) {
    problems.push(`${file}: version: must be MAJOR.MINOR.PATCH (got ${JSON.stringify(m.version)})`);
  }
  const dup = (values: unknown[]) => values.filter((v, i) => v !== undefined && values.indexOf(v) !== i);
  for (const d of dup(arr(m.staticTabs).map((t) => t.entityId))) problems.push(`${file}: staticTabs: entityId "${String(d)}" is used twice`);
  arr(m.composeExtensions).forEach((c, i) => {
    for (const d of dup(arr(c.commands).map((cmd) => cmd.id))) problems.push(`${file}: composeExtensions[${i}].commands: id "${String(d)}" is used twice`);
  });
  arr(m.bots).forEach((b, i) => {
    for (const d of dup(arr(b.commandLists).flatMap((l) => arr(l.scopes)))) {
      problems.push(`${file}: bots[${i}].commandLists: scope "${String(d)}" appears in two command lists`);
    }
  });
  return problems;
}

export interface IconFile {
  /** Path inside the package, as the manifest names it. */
  name: string;
  data: Buffer;
}

/** PNG colour types with an alpha channel: gray + alpha, RGBA. */
const ALPHA_COLOR_TYPES = [4, 6];

interface DecodedPng {
  width: number;
  height: number;
  colorType: number;
  /** 8-bit RGBA, whatever the file's depth, filters or interlacing. */
  rgba: Buffer;
}

/** pngjs's streaming parser: it names the first thing wrong (its sync reader reports a later symptom). */
function readPng(data: Buffer): Promise<DecodedPng> {
  return new Promise((resolve, reject) => {
    let colorType = -1;
    const png = new PNG();
    png.on('metadata', (m: Metadata) => (colorType = m.colorType));
    png.on('error', () => undefined); // later errors of a broken file: the first one is the answer
    png.parse(data, (err, image) => (err ? reject(err) : resolve({ width: image.width, height: image.height, colorType, rgba: image.data })));
  });
}

/** Colour 192×192; outline 32×32 with an alpha channel, white or transparent pixels only. Each is checked if present. */
export async function checkIcons(color: IconFile | undefined, outline: IconFile | undefined): Promise<string[]> {
  const problems: string[] = [];
  const decode = async (f: IconFile | undefined) => {
    if (!f) return undefined;
    try {
      return await readPng(f.data);
    } catch (err) {
      problems.push(`${f.name}: not a valid PNG (${err instanceof Error ? err.message : String(err)})`);
      return undefined;
    }
  };
  const c = await decode(color);
  if (c && (c.width !== 192 || c.height !== 192)) problems.push(`${color!.name}: colour icon must be 192×192 pixels (is ${c.width}×${c.height})`);

  const o = await decode(outline);
  if (!o || !outline) return problems;
  if (o.width !== 32 || o.height !== 32) problems.push(`${outline.name}: outline icon must be 32×32 pixels (is ${o.width}×${o.height})`);
  if (!ALPHA_COLOR_TYPES.includes(o.colorType)) {
    problems.push(`${outline.name}: outline icon must have an alpha channel (RGBA) for its transparent background (colour type ${o.colorType})`);
    return problems;
  }
  let offending = 0;
  let first = '';
  let transparent = 0;
  for (let i = 0; i < o.width * o.height; i++) {
    const [r, g, b, a] = o.rgba.subarray(i * 4, i * 4 + 4);
    if (a === 0) transparent++;
    else if (r !== 255 || g !== 255 || b !== 255) {
      if (!offending) first = ` first at (${i % o.width}, ${Math.floor(i / o.width)}): rgba(${r}, ${g}, ${b}, ${a})`;
      offending++;
    }
  }
  if (offending) problems.push(`${outline.name}: outline icon must be white on transparent; ${offending} pixel(s) are another colour,${first}`);
  if (transparent === 0) problems.push(`${outline.name}: outline icon has no transparent pixels; its background must be transparent`);
  return problems;
}

export interface LanguageFile {
  tag: string;
  /** Path inside the package. */
  name: string;
  json: Json;
  isDefault: boolean;
}

/**
 * Which manifest strings Teams localizes is defined by the localization schema itself (fixed keys
 * plus key patterns), so the check follows whatever schema version the manifest uses.
 */
export function localizableStrings(m: Json, localizationSchema: unknown): Map<string, string> {
  const schema = obj(localizationSchema);
  const fixed = new Set(Object.keys(obj(schema.properties)).filter((k) => k !== '$schema' && k !== 'localizationKeys'));
  const patterns = Object.keys(obj(schema.patternProperties)).map((p) => new RegExp(p));
  const out = new Map<string, string>();
  for (const [key, value] of stringLeaves(m)) {
    if (fixed.has(key) || patterns.some((p) => p.test(key))) out.set(key, value);
  }
  return out;
}

/** Every language file translates every localizable string, adds none, and the default file agrees with the manifest. */
export function checkLocalization(manifestStrings: Map<string, string>, files: LanguageFile[]): string[] {
  const problems: string[] = [];
  for (const f of files) {
    const keys = Object.keys(f.json).filter((k) => k !== '$schema' && k !== 'localizationKeys');
    for (const [key, value] of manifestStrings) {
      const t = f.json[key];
      if (t === undefined) problems.push(`${f.name}: ${key}: missing (${f.tag} has no translation for "${value}")`);
      else if (typeof t !== 'string' || !t.trim()) problems.push(`${f.name}: ${key}: must be a non-empty string`);
      else if (f.isDefault && t !== value) problems.push(`${f.name}: ${key}: default-language file says "${t}" but manifest.json says "${value}"`);
    }
    for (const key of keys) {
      if (!manifestStrings.has(key)) problems.push(`${f.name}: ${key}: not a localizable string in manifest.json (stale or misspelt key)`);
    }
  }
  return problems;
}
