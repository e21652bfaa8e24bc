import { randomUUID } from 'node:crypto';
import type { Domain } from '../../domain';
import { isoDay } from '../../domain/shared/clock';
import { DomainError } from '../../domain/shared/errors';
import type { Caller } from '../../domain/shared/caller';
import type { Pilot } from '../../domain/pilots';
import { DEFAULT_CADENCE, pilotInputSchema } from '../../domain/pilots';
import { localizedPractice } from '../../domain/practices';
import { parseInput } from '../../domain/shared/validation';
import { problemSentence, refusalText } from '../app/errors';
import { renderCard, type CardAttachment } from '../cards';
import { t, type Locale } from '../i18n';

/**
 * The "launch a pilot" form as an Adaptive Card, shared by the message extension's action and
 * the bot's "launch pilot" dialog. A submission that fails validation comes back as the same
 * form with the person's values kept and a message next to each field.
 */
export interface FormValues {
  practiceId: string;
  title: string;
  hypothesis: string;
  successMeasures: string;
  teamId: string;
  weekdays: string;
  time: string;
  startDate: string;
  endDate: string;
  launchNow: string;
}

const FIELDS: (keyof FormValues)[] = ['practiceId', 'title', 'hypothesis', 'successMeasures', 'teamId', 'weekdays', 'time', 'startDate', 'endDate', 'launchNow'];
const DAY = 86_400_000;

/** Card inputs arrive as strings; anything else (or oversized) is treated as empty. */
export function readValues(data: unknown): FormValues {
  const source = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  return Object.fromEntries(FIELDS.map((f) => [f, typeof source[f] === 'string' ? (source[f] as string).slice(0, 4000) : ''])) as unknown as FormValues;
}

export function defaultValues(now: Date, prefill: Partial<FormValues> = {}): FormValues {
  const daysToMonday = ((8 - now.getUTCDay()) % 7) || 7;
  const start = new Date(now.getTime() + daysToMonday * DAY);
  return {
    practiceId: 'scratch',
    title: '',
    hypothesis: '',
    successMeasures: '',
    teamId: '',
    weekdays: DEFAULT_CADENCE.weekdays.join(','),
    time: DEFAULT_CADENCE.time,
    startDate: isoDay(start),
    endDate: isoDay(new Date(start.getTime() + 6 * 7 * DAY)),
    launchNow: 'true',
    ...prefill,
  };
}

export async function pilotFormCard(
  domain: Domain,
  caller: Caller,
  opts: { values: FormValues; errors?: Record<string, string>; problem?: string; requestId?: string },
  locale: Locale = 'en',
): Promise<CardAttachment> {
  // Only teams the caller manages: launching a pilot is a right held per team.
  const [practices, teams] = await Promise.all([domain.practices.list(caller), domain.directory.teamsManagedBy(caller)]);
  const values = { ...opts.values };
  // Only a team the caller may pick is preselected (not, say, a channel of a team they are not in).
  if (!teams.some((team) => team.id === values.teamId)) values.teamId = teams.length === 1 ? teams[0].id : '';
  const errors = Object.fromEntries(['title', 'hypothesis', 'successMeasures', 'teamId', 'cadence', 'startDate', 'endDate'].map((k) => [k, opts.errors?.[k] ?? '']));
  return renderCard('pilotForm', {
    heading: t(locale, 'Launch a pilot'),
    problem: opts.problem ?? '',
    values,
    errors,
    requestId: opts.requestId ?? randomUUID(),
    practices: practices.map((p) => ({ name: localizedPractice(p, locale).name, value: p.id })),
    teams: teams.map((team) => ({ name: team.name, value: team.id })),
  }, ['practices', 'teams'], locale);
}

/** Which card slot shows a problem reported for a schema path. */
function slotFor(field: string): string {
  const top = field.split('.')[0];
  return top === 'cadence' || top === 'questions' ? 'cadence' : top;
}

export type FormResult = { ok: true; pilot: Pilot; created: boolean } | { ok: false; card: CardAttachment };

/** Validates and creates (and optionally launches) the pilot; returns the form again on problems. */
export async function submitPilotForm(domain: Domain, caller: Caller, data: unknown, locale: Locale = 'en'): Promise<FormResult> {
  const values = readValues(data);
  const practiceId = values.practiceId === 'scratch' ? '' : values.practiceId;
  const requestId = typeof (data as { requestId?: unknown })?.requestId === 'string' ? String((data as { requestId: string }).requestId).slice(0, 100) : randomUUID();
  try {
    const practice = practiceId ? await domain.practices.usable(caller, practiceId).catch(() => undefined) : undefined;
    if (practiceId && !practice) {
      return { ok: false, card: await pilotFormCard(domain, caller, { values: { ...values, practiceId: 'scratch' }, problem: t(locale, 'That practice is no longer in the library. Pick another or start from scratch.'), requestId }, locale) };
    }
    // Filled from the practice in the reader's language.
    const shown = practice && localizedPractice(practice, locale);
    const measures = values.successMeasures.split(/\r?\n/).map((m) => m.trim()).filter(Boolean);
    const input = parseInput(pilotInputSchema, {
      title: values.title.trim() || shown?.name || '',
      practiceId: practice?.id,
      hypothesis: values.hypothesis,
      successMeasures: measures.length ? measures : (shown?.measures ?? []),
      teamId: values.teamId,
      // No questions sent: the domain gives the practice's (or, from scratch, the standard) ones.
      cadence: {
        ...DEFAULT_CADENCE,
        weekdays: values.weekdays ? values.weekdays.split(',').map((d) => Number(d)) : DEFAULT_CADENCE.weekdays,
        time: values.time || DEFAULT_CADENCE.time,
      },
      startDate: values.startDate,
      endDate: values.endDate,
    });
    const { pilot, created } = await domain.pilots.create(caller, input, requestId);
    const launched = values.launchNow !== 'false' && pilot.status === 'draft' ? await domain.pilots.transition(caller, pilot.id, 'launch') : pilot;
    return { ok: true, pilot: launched, created };
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'validation') {
      const errors: Record<string, string> = {};
      for (const f of err.fields) errors[slotFor(f.field)] ??= problemSentence(f, locale);
      return { ok: false, card: await pilotFormCard(domain, caller, { values, errors, problem: t(locale, 'Please fix the highlighted fields.'), requestId }, locale) };
    }
    if (err instanceof DomainError && err.kind !== 'unavailable') {
      return { ok: false, card: await pilotFormCard(domain, caller, { values, problem: refusalText(err, locale), requestId }, locale) };
    }
    throw err;
  }
}
