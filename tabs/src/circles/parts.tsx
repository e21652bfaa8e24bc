import { Badge } from '@fluentui/react-badge';
import { Button } from '@fluentui/react-button';
import { MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-message-bar';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useCallback, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { Loading, errorText } from '../components/Feedback';
import { Page } from '../components/Layout';
import type { Loaded } from '../useLoad';
import { useI18n } from '../i18n';
import { toApiError } from '../useLoad';
import { circlesEn, circlesEs, type CirclesKey } from './i18n';

/**
 * Pieces every circles-family view shares: strings (this module's own dictionaries, picked by
 * the tab's language until they are merged into the main ones), error wording, form state.
 */
export type CT = (key: CirclesKey, vars?: Record<string, string | number>) => string;

export function useCirclesI18n() {
  const base = useI18n();
  return useMemo(() => {
    const dict = base.language === 'es' ? circlesEs : circlesEn;
    const t: CT = (key, vars) => {
      const text: string = dict[key] ?? circlesEn[key] ?? key;
      return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
    };
    const day = (iso: string | undefined) => (iso ? base.date(iso.slice(0, 10)) : '');
    const rules = new Intl.PluralRules(base.locale);
    const plural = (key: 'count.members' | 'count.votes' | 'count.tally' | 'count.nominations' | 'count.checkins' | 'count.weeks' | 'count.questions', count: number) =>
      t(`${key}.${rules.select(count) === 'one' ? 'one' : 'other'}` as CirclesKey, { count });
    return { ...base, ct: t, day, plural };
  }, [base]);
}

/** Our words for what went wrong: 404, 409 and 403 said plainly; the rest as the tab says them elsewhere. */
export function problemText(i18n: ReturnType<typeof useCirclesI18n>, err: ApiError): string {
  if (err.status === 404) return i18n.ct('err.notFound');
  if (err.status === 409) return err.message && err.code !== 'http_409' ? `${i18n.ct('err.conflict')} (${localizeServer(i18n, err.message)})` : i18n.ct('err.conflict');
  if (err.status === 403) return i18n.ct('err.forbidden');
  if (err.status === 429) return i18n.ct('err.rateLimited');
  if (err.status === 400 && err.fields.length) return i18n.ct('err.fields');
  return errorText(i18n, err);
}

/** The server writes field problems in English; the common ones are said in the reader's language. */
export function localizeServer(i18n: ReturnType<typeof useCirclesI18n>, message: string): string {
  if (i18n.language === 'en') return message;
  let m: RegExpMatchArray | null;
  if ((m = message.match(/^must be at least (\d+) characters$/))) return i18n.ct('v.min', { min: m[1] });
  if ((m = message.match(/^must be at most (\d+) characters$/))) return i18n.ct('v.max', { max: m[1] });
  if (message === 'is required' || message === 'Required') return i18n.ct('v.required');
  return message;
}

export function Problem({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const i18n = useCirclesI18n();
  const intent = error.status === 404 || error.status === 409 ? 'warning' : 'error';
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="problem">
      <MessageBarBody>{problemText(i18n, error)}</MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {i18n.t('app.retry')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <MessageBar intent="success" data-testid="notice">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}

const useBackStyles = makeStyles({ back: { alignSelf: 'flex-start' } });

export function BackLink({ href, label }: { href: string; label: string }) {
  const s = useBackStyles();
  return (
    <Button as="a" href={href} appearance="subtle" icon={<ArrowLeftRegular />} className={s.back}>
      {label}
    </Button>
  );
}

export type FieldErrors = Record<string, string | undefined>;

/**
 * A form's submission: busy while it runs, per-field problems (ours, checked first, or the
 * server's mapped onto the same field names) and a problem for the whole form otherwise.
 */
export function useSubmit() {
  const i18n = useCirclesI18n();
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const run = useCallback(
    async <T,>(check: () => FieldErrors, action: () => Promise<T>): Promise<T | undefined> => {
      const problems = Object.fromEntries(Object.entries(check()).filter(([, v]) => !!v));
      setFields(problems);
      setError(undefined);
      if (Object.keys(problems).length) {
        focusFirstInvalid();
        return undefined;
      }
      setBusy(true);
      try {
        return await action();
      } catch (err) {
        const e = toApiError(err);
        if (e.status === 400 && e.fields.length) {
          const mapped: FieldErrors = {};
          for (const f of e.fields) {
            // Nested fields (`budget.amount`, `ratings.influencing`) keep their full name; a
            // problem with the whole object lands on its first part too.
            mapped[f.field] = localizeServer(i18n, f.message);
            const head = f.field.split('.')[0];
            mapped[head] ??= mapped[f.field];
          }
          setFields(mapped);
          focusFirstInvalid();
        }
        setError(e);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [i18n],
  );
  /** A form's onChange: editing a field (by its `name`) clears that field's problem. */
  const onEdit = useCallback((e: FormEvent) => {
    const name = (e.target as HTMLInputElement).name;
    if (name) setFields((f) => (f[name] ? { ...f, [name]: undefined } : f));
  }, []);
  const reset = useCallback(() => {
    setFields({});
    setError(undefined);
  }, []);
  return { busy, fields, error, run, reset, onEdit };
}

function focusFirstInvalid() {
  // After React has rendered the messages.
  setTimeout(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus(), 0);
}

/** Field props for a validation message next to the field. */
export const fieldState = (message: string | undefined) => (message ? { validationState: 'error' as const, validationMessage: message } : {});

/** A trimmed-length check that mirrors the server's boundedText. */
export function lengthProblem(t: CT, text: string, min: number, max: number): string | undefined {
  const v = text.trim();
  if (!v) return t('v.required');
  if (v.length < min) return t('v.min', { min });
  if (v.length > max) return t('v.max', { max });
  return undefined;
}

export function StatusBadge({ label, color, testId }: { label: string; color: 'brand' | 'success' | 'warning' | 'danger' | 'informative' | 'subtle'; testId?: string }) {
  return (
    <Badge appearance="tint" shape="rounded" color={color} data-testid={testId}>
      {label}
    </Badge>
  );
}

export const useListStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  inline: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  fields: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-start' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: tokens.spacingHorizontalM },
  definitions: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  definition: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
});

export const outcomeColor = (o: 'adopted' | 'adapted' | 'stopped') => (o === 'adopted' ? 'success' : o === 'adapted' ? 'brand' : 'warning');

export const projectColor = (s: 'proposed' | 'approved' | 'declined' | 'done') => (s === 'approved' ? 'brand' : s === 'done' ? 'success' : s === 'declined' ? 'danger' : 'informative');

export function budgetText(locale: string, b: { amount: number; currency: string }): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: b.currency, maximumFractionDigits: 0 }).format(b.amount);
  } catch {
    return `${b.amount} ${b.currency}`;
  }
}

/** A detail page before its data is there: the way back, a spinner, or the problem (retry unless 404). */
export function NotLoaded<T>({ back, loaded }: { back: ReactNode; loaded: Loaded<T> }) {
  return (
    <Page>
      {back}
      {loaded.loading && <Loading />}
      {loaded.error && <Problem error={loaded.error} onRetry={loaded.error.status === 404 ? undefined : loaded.reload} />}
    </Page>
  );
}
