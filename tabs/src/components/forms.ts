import { useCallback, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client';
import { useI18n, type I18n } from '../i18n';
import { toApiError } from '../useLoad';
import { fieldText } from './errorText';

/** Field name → its problem, if any. */
export type FieldErrors = Record<string, string | undefined>;

/**
 * A form's submission: busy while it runs, per-field problems (ours, checked first, or the
 * server's mapped onto the same field names) and a problem for the whole form otherwise.
 */
export function useSubmit() {
  const i18n = useI18n();
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
            mapped[f.field] = fieldText(i18n, f);
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
export function lengthProblem(t: I18n['t'], text: string, min: number, max: number): string | undefined {
  const v = text.trim();
  if (!v) return t('v.required');
  if (v.length < min) return t('v.min', { min });
  if (v.length > max) return t('v.max', { max });
  return undefined;
}
