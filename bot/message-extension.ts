import type {
  AppBasedLinkQuery,
  MessagingExtensionAction,
  MessagingExtensionActionResponse,
  MessagingExtensionAttachment,
  MessagingExtensionQuery,
  MessagingExtensionResponse,
} from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Domain } from '../domain';
import { kudosSchema } from '../domain/celebrations';
import { parseInput } from '../domain/shared/validation';
import { DomainError } from '../domain/shared/errors';
import type { Caller } from '../domain/shared/caller';
import type { Pilot } from '../domain/pilots';
import type { Practice } from '../domain/practices';
import type { Log } from '../platform/log';
import { escapeMarkdown, renderCard } from './cards';
import { STATUS_LABEL, t, type Locale } from './i18n';
import { pilotShareUrl, pilotTabLink, tabHomeLink, type LinkConfig } from './links';
import { feedbackFetchTask, feedbackSubmitAction } from './feedback';
import { celebrationCard } from './notifications';
import { defaultValues, pilotFormCard, submitPilotForm } from './pilot-form';

/** Message-extension command ids; manifest/manifest.json declares the same. */
export const ME_COMMANDS = {
  search: 'findPilots',
  launchPilot: 'launchPilot',
  giveKudos: 'giveKudos',
  sendFeedback: 'sendFeedback',
  stories: 'findStories', // answered by bot/circles.ts storySearch
} as const;

/** Plain text of a message's HTML body (a message's "…" action prefills the hypothesis). */
export function messageText(html: string | undefined): string {
  return (html ?? '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim()
    .slice(0, 1000);
}

export function pilotCard(links: LinkConfig, pilot: Pilot, version: '1.3' | '1.5' = '1.5', locale: Locale = 'en') {
  const h = pilot.health;
  const level = { good: 'Good', watch: 'Watch', at_risk: 'At risk', unknown: 'No check-ins yet' }[h.level];
  const health = [
    t(locale, level),
    h.level !== 'unknown' && h.participation !== null ? t(locale, '{percent}% answered', { percent: Math.round(h.participation * 100) }) : '',
    h.level !== 'unknown' && h.confidence !== null ? t(locale, 'confidence {value}/5', { value: h.confidence.toFixed(1) }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return renderCard('pilot', {
    version,
    title: pilot.title,
    practiceName: pilot.practiceName,
    teamName: pilot.teamName,
    hypothesis: pilot.hypothesis,
    status: t(locale, STATUS_LABEL[pilot.status]),
    managerName: pilot.managerName,
    dates: `${pilot.startDate} → ${pilot.endDate}`,
    health,
    url: pilotTabLink(links, pilot.id),
  }, [], locale);
}

/** Search-result previews are thumbnail cards, whose text Teams formats: escape it like cards. */
export function preview(title: string, text: string) {
  return { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: escapeMarkdown(title), text: escapeMarkdown(text) } };
}

const messageResponse = (text: string): MessagingExtensionResponse => ({ composeExtension: { type: 'message', text } });

export class MessageExtension {
  constructor(
    private readonly domain: Domain,
    private readonly links: LinkConfig,
    private readonly log: Log,
  ) {}

  /** "Find pilots and practices": pilots the caller may see, then library practices. */
  async query(caller: Caller, query: MessagingExtensionQuery, locale: Locale = 'en'): Promise<MessagingExtensionResponse> {
    const params = query.parameters ?? [];
    const text = String(params.find((p) => p.name === 'searchQuery')?.value ?? '').slice(0, 100);
    const skip = Math.max(0, Math.min(1000, Number(query.queryOptions?.skip) || 0));
    const count = Math.max(1, Math.min(25, Number(query.queryOptions?.count) || 10));
    const want = skip + count;
    const [pilots, practices] = await Promise.all([
      this.domain.pilots.list(caller, { text, limit: want }),
      this.domain.practices.search(caller, text, want),
    ]);
    const items: MessagingExtensionAttachment[] = [
      ...pilots.map((p) => ({ ...pilotCard(this.links, p, '1.5', locale), preview: preview(p.title, `${t(locale, STATUS_LABEL[p.status])} · ${p.teamName}`) })),
      ...practices.map((p) => ({ ...this.practiceCard(p, locale), preview: preview(p.name, p.summary) })),
    ].slice(skip, skip + count);
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: items } };
  }

  private practiceCard(p: Practice, locale: Locale) {
    return renderCard('practice', { name: p.name, summary: p.summary, why: p.why, how: p.how, url: tabHomeLink(this.links) }, [], locale);
  }

  async fetchTask(caller: Caller, action: MessagingExtensionAction, locale: Locale = 'en'): Promise<MessagingExtensionActionResponse> {
    if (action.commandId === ME_COMMANDS.sendFeedback) return feedbackFetchTask(this.domain, caller, action, locale);
    if (action.commandId === ME_COMMANDS.giveKudos) {
      const card = await this.kudosForm(caller, { toUserId: '', message: messageText(action.messagePayload?.body?.content).slice(0, 500), visibility: 'team' }, locale);
      return { task: { type: 'continue', value: { title: t(locale, 'Give kudos'), width: 'medium', height: 'medium', card } } };
    }
    if (action.commandId !== ME_COMMANDS.launchPilot) {
      return { task: { type: 'message', value: t(locale, 'That action is not available yet.') } };
    }
    const hypothesis = messageText(action.messagePayload?.body?.content);
    const card = await pilotFormCard(this.domain, caller, { values: defaultValues(this.domain.clock.now(), { hypothesis }) }, locale);
    return { task: { type: 'continue', value: { title: t(locale, 'Launch a pilot'), width: 'medium', height: 'large', card } } };
  }

  /** Creates the pilot and inserts its card into the compose box, or shows the form again. */
  async submitAction(caller: Caller, action: MessagingExtensionAction, teamId?: string, locale: Locale = 'en'): Promise<MessagingExtensionActionResponse> {
    if (action.commandId === ME_COMMANDS.sendFeedback) return feedbackSubmitAction(this.domain, caller, action, locale);
    if (action.commandId === ME_COMMANDS.giveKudos) return this.submitKudos(caller, action, teamId, locale);
    if (action.commandId !== ME_COMMANDS.launchPilot) return { task: { type: 'message', value: t(locale, 'That action is not available yet.') } };
    const result = await submitPilotForm(this.domain, caller, action.data, locale);
    if (!result.ok) return { task: { type: 'continue', value: { title: t(locale, 'Launch a pilot'), width: 'medium', height: 'large', card: result.card } } };
    const card = pilotCard(this.links, result.pilot, '1.5', locale);
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [{ ...card, preview: preview(result.pilot.title, t(locale, 'Pilot launched')) }] } };
  }

  private async kudosForm(caller: Caller, values: { toUserId: string; message: string; visibility: string }, locale: Locale, problem = '', requestId: string = randomUUID()) {
    const people = new Map<string, string>();
    for (const team of await this.domain.directory.teamsFor(caller)) {
      for (const id of [...team.memberIds, team.managerId ?? '']) if (id && id !== caller.userId) people.set(id, '');
    }
    const members = await this.domain.directory.membersByIds(caller.tenantId, [...people.keys()]);
    return renderCard('kudosForm', {
      problem,
      values,
      requestId,
      people: members.map((m) => ({ name: m.name, value: m.userId })).sort((a, b) => a.name.localeCompare(b.name)),
    }, ['people'], locale);
  }

  /** Kudos: public ones are inserted for the giver to post; private ones go to the person's chat. */
  private async submitKudos(caller: Caller, action: MessagingExtensionAction, teamId: string | undefined, locale: Locale): Promise<MessagingExtensionActionResponse> {
    const raw = (action.data ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : '');
    const values = { toUserId: str('toUserId'), message: str('message').slice(0, 600), visibility: str('visibility') || 'team' };
    const requestId = str('requestId').slice(0, 100) || randomUUID();
    try {
      const input = parseInput(kudosSchema, { ...values, visibility: values.visibility === 'private' ? 'private' : 'team', teamId, requestId });
      const result = await this.domain.celebrations.kudos(caller, input, { postedByCaller: true });
      if (result.visibility === 'team') {
        const card = celebrationCard(this.links, { kind: 'kudos', params: { from: caller.name, to: result.recipientName, message: input.message } }, locale);
        return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [{ ...card, preview: preview(t(locale, 'Kudos'), result.recipientName) }] } };
      }
      const sentence =
        input.visibility === 'team'
          ? 'Your kudos went privately to {name} ({name} prefers private celebrations, or isn’t in this conversation).'
          : 'Your kudos went privately to {name}.';
      return { task: { type: 'message', value: t(locale, sentence, { name: result.recipientName }) } };
    } catch (err) {
      if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'not_found')) {
        const problem = err.kind === 'validation' ? err.fields.map((f) => `${f.field === 'toUserId' ? 'To' : f.field === 'message' ? 'Message' : f.field}: ${f.message}`).join('; ') : t(locale, err.message);
        const card = await this.kudosForm(caller, values, locale, problem, requestId);
        return { task: { type: 'continue', value: { title: t(locale, 'Give kudos'), width: 'medium', height: 'medium', card } } };
      }
      throw err;
    }
  }

  /** Unfurls the app's own pilot links into a card (schema 1.3: Teams caches unfurls). */
  async queryLink(caller: Caller, query: AppBasedLinkQuery, locale: Locale = 'en'): Promise<MessagingExtensionResponse> {
    const match = /\/pilots\/([^/?#]+)/.exec(String(query.url ?? ''));
    const id = match ? decodeURIComponent(match[1]) : '';
    if (!id.startsWith('pilot:')) return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };
    try {
      const pilot = await this.domain.pilots.get(caller, id);
      const card = pilotCard(this.links, pilot, '1.3', locale);
      return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [{ ...card, preview: preview(pilot.title, pilot.teamName) }] } };
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not_found') return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };
      throw err;
    }
  }

  /** The share URL for a pilot (what queryLink unfurls). */
  shareUrl(pilotId: string): string {
    return pilotShareUrl(this.links, pilotId);
  }

  /** Friendly answer for a failure inside an invoke: Teams shows it instead of a generic error. */
  failure(err: unknown): MessagingExtensionResponse {
    if (err instanceof DomainError) return messageResponse(err.kind === 'unavailable' ? 'Leaderful cannot reach its data right now. Please try again shortly.' : err.message);
    this.log.error({ err: { message: (err as Error).message, stack: (err as Error).stack } }, 'message extension failed');
    return messageResponse('Sorry, something went wrong. Please try again.');
  }
}

