/**
 * Checks an Adaptive Card the way Teams' renderer would see it: the `adaptivecards` library parses
 * it, and anything it reports (unknown elements, invalid values) or silently drops (unknown
 * properties) is a problem. Also enforces Teams' limits: schema ≤ 1.5, bot messages ≤ 80 KB.
 */
// The ESM entry fails on Node 20; the dist build works (NOTES).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

/** Values the library leaves out when serializing because they are the defaults. */
const DEFAULTS: Record<string, unknown[]> = { style: ['compact', 'default'], value: [''], valueOn: ['true'], valueOff: ['false'], spacing: ['default'], wrap: [false] };

function droppedKeys(original: unknown, serialized: unknown, path: string, out: string[]): void {
  if (Array.isArray(original)) {
    original.forEach((item, i) => droppedKeys(item, Array.isArray(serialized) ? serialized[i] : undefined, `${path}[${i}]`, out));
    return;
  }
  if (!original || typeof original !== 'object') return;
  const target = (serialized && typeof serialized === 'object' ? serialized : {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(original as Record<string, unknown>)) {
    if (key === 'data' || key === 'msteams') continue; // free-form payloads
    if (!(key in target) && !(DEFAULTS[key] ?? []).includes(value)) {
      out.push(`${path}.${key} is not a known property`);
      continue;
    }
    droppedKeys(value, target[key], `${path}.${key}`, out);
  }
}

export function cardProblems(content: Record<string, unknown>, opts: { maxVersion?: string; maxBytes?: number } = {}): string[] {
  const problems: string[] = [];
  if (content.type !== 'AdaptiveCard') problems.push('not an AdaptiveCard');
  const version = String(content.version ?? '');
  if (!/^1\.[0-5]$/.test(version)) problems.push(`version ${version} is not between 1.0 and 1.5`);
  if (opts.maxVersion && Number(version) > Number(opts.maxVersion)) problems.push(`version ${version} above ${opts.maxVersion}`);
  const bytes = Buffer.byteLength(JSON.stringify(content));
  if (bytes > (opts.maxBytes ?? 80 * 1024)) problems.push(`card is ${bytes} bytes`);
  if (JSON.stringify(content).includes('${')) problems.push('unexpanded template expression');
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  card.parse(content, ctx);
  for (let i = 0; i < ctx.eventCount; i++) problems.push(ctx.getEventAt(i).message);
  for (const e of card.validateProperties().validationEvents) problems.push(e.message);
  droppedKeys(content, card.toJSON(), 'card', problems);
  return problems;
}

/** Every Adaptive Card attachment in a bot activity or invoke response. */
export function adaptiveCardsIn(value: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.contentType === 'application/vnd.microsoft.card.adaptive' && o.content) return void found.push(o.content as Record<string, unknown>);
    if (o.type === 'AdaptiveCard') return void found.push(o);
    Object.values(o).forEach(walk);
  };
  walk(value);
  return found;
}
