import { randomUUID } from 'node:crypto';
import type { MessagingExtensionAction, MessagingExtensionActionResponse } from 'botbuilder';
import type { Domain } from '../../domain';
import { kudosSchema } from '../../domain/celebrations';
import type { Caller } from '../../domain/shared/caller';
import { DomainError } from '../../domain/shared/errors';
import { parseInput } from '../../domain/shared/validation';
import { problemText, refusalText } from '../app/errors';
import type { LinkConfig } from '../app/links';
import { preview } from '../app/message-extension';
import { dialog, dialogMessage, extensionResults, type DialogSize } from '../app/responses';
import type { Turn } from '../app/turn';
import { renderCard, type CardAttachment } from '../cards';
import { t, type Locale } from '../i18n';
import { celebrationCard } from './cards';

/**
 * "Give kudos" (a message action): a form of the people the caller works with. Public kudos are
 * inserted for the giver to post; private ones go to the person's chat.
 */
const FORM: DialogSize = { width: 'medium', height: 'medium' };

interface KudosValues {
  toUserId: string;
  message: string;
  visibility: string;
}

async function kudosForm(domain: Domain, caller: Caller, values: KudosValues, locale: Locale, problem = '', requestId: string = randomUUID()): Promise<CardAttachment> {
  // Teammates, and from the organisation sync the caller's manager, reports and peers.
  const members = await domain.directory.colleaguesOf(caller);
  return renderCard(
    'kudosForm',
    {
      problem,
      values,
      requestId,
      people: members.map((m) => ({ name: m.name, value: m.userId })).sort((a, b) => a.name.localeCompare(b.name)),
    },
    ['people'],
    locale,
  );
}

/** The form, prefilled with the message the action was started from. */
export async function openKudos(domain: Domain, turn: Turn, prefill: string): Promise<MessagingExtensionActionResponse> {
  const { locale } = turn;
  const card = await kudosForm(domain, turn.caller, { toUserId: '', message: prefill.slice(0, 500), visibility: 'team' }, locale);
  return dialog(t(locale, 'Give kudos'), card, FORM);
}

export async function submitKudos(domain: Domain, links: LinkConfig, turn: Turn, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
  const { locale, caller, teamId } = turn;
  const raw = (action.data ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : '');
  const values = { toUserId: str('toUserId'), message: str('message').slice(0, 600), visibility: str('visibility') || 'team' };
  const requestId = str('requestId').slice(0, 100) || randomUUID();
  try {
    const input = parseInput(kudosSchema, { ...values, visibility: values.visibility === 'private' ? 'private' : 'team', teamId, requestId });
    const result = await domain.celebrations.kudos(caller, input, { postedByCaller: true });
    if (result.visibility === 'team') {
      const card = celebrationCard(links, { kind: 'kudos', params: { from: caller.name, to: result.recipientName, message: input.message } }, locale);
      return extensionResults([{ ...card, preview: preview(t(locale, 'Kudos'), result.recipientName) }]);
    }
    const sentence =
      input.visibility === 'team'
        ? 'Your kudos went privately to {name} ({name} prefers private celebrations, or isn’t in this conversation).'
        : 'Your kudos went privately to {name}.';
    return dialogMessage(t(locale, sentence, { name: result.recipientName }));
  } catch (err) {
    if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'not_found')) {
      const label = (field: string) => (field === 'toUserId' ? t(locale, 'To') : field === 'message' ? t(locale, 'Message') : field);
      const problem = err.kind === 'validation' ? err.fields.map((f) => `${label(f.field)}: ${problemText(f, locale)}`).join('; ') : refusalText(err, locale);
      const card = await kudosForm(domain, caller, values, locale, problem, requestId);
      return dialog(t(locale, 'Give kudos'), card, FORM);
    }
    throw err;
  }
}
