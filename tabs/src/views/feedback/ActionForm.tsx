import { Button } from '@fluentui/react-button';
import { Field } from '@fluentui/react-field';
import { Input } from '@fluentui/react-input';
import { Spinner } from '@fluentui/react-spinner';
import { Textarea } from '@fluentui/react-textarea';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldText } from '../../components/errorText';
import { useI18n } from '../../i18n';
import { toApiError } from '../../useLoad';
import { TEXT_MAX, textProblem } from './validation';

/**
 * One inline step of a feedback loop (acknowledge, reply, "you said, we did", close, answer
 * back, confirm): a note and sometimes a date, validated as the server will, submitted once.
 * Focus moves into it when it opens and back to the button that opened it when it closes.
 */
const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    maxWidth: '640px',
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  date: { maxWidth: '220px' },
});

export interface ActionFormProps {
  /** Names the form for assistive tech, e.g. "Reply". */
  title: string;
  label: string;
  hint?: string;
  required: boolean;
  submitLabel: string;
  withDueDate?: { label: string; hint?: string };
  onSubmit(values: { text?: string; dueDate?: string }): Promise<void>;
  onCancel(): void;
}

export function ActionForm({ title, label, hint, required, submitLabel, withDueDate, onSubmit, onCancel }: ActionFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const [text, setText] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [saving, setSaving] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textRef.current?.focus(), []);
  const today = new Date().toISOString().slice(0, 10);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const trimmed = text.trim();
    const p = textProblem(t, trimmed, required);
    setProblem(p);
    if (p) return textRef.current?.focus();
    setSaving(true);
    setFailure(undefined);
    try {
      await onSubmit({ text: trimmed || undefined, dueDate: dueDate || undefined });
    } catch (err) {
      const apiErr = toApiError(err);
      const field = apiErr.fields.find((f) => f.field === 'text' || f.field === 'note');
      if (field) setProblem(fieldText(i18n, field));
      else setFailure(apiErr);
      setSaving(false);
    }
  }

  return (
    <form
      className={s.form}
      onSubmit={submit}
      noValidate
      aria-label={title}
      data-testid="action-form"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !saving) {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      {failure && <ErrorBar error={failure} />}
      <Field label={label} hint={hint} required={required} validationState={problem ? 'error' : 'none'} validationMessage={problem}>
        <Textarea
          ref={textRef}
          value={text}
          onChange={(_, d) => {
            setText(d.value);
            setProblem(undefined);
          }}
          rows={3}
          resize="vertical"
          maxLength={TEXT_MAX}
        />
      </Field>
      {withDueDate && (
        <Field label={withDueDate.label} hint={withDueDate.hint} className={s.date}>
          <Input type="date" value={dueDate} min={today} onChange={(_, d) => setDueDate(d.value)} />
        </Field>
      )}
      <div className={s.buttons}>
        <Button type="submit" appearance="primary" disabled={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
          {submitLabel}
        </Button>
        <Button type="button" appearance="secondary" onClick={onCancel} disabled={saving}>
          {t('app.cancel')}
        </Button>
      </div>
    </form>
  );
}
