import { Body1 } from '@fluentui/react-text';
import { Button } from '@fluentui/react-button';
import { Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-dialog';
import { Field } from '@fluentui/react-field';
import { Radio, RadioGroup } from '@fluentui/react-radio';
import { Spinner } from '@fluentui/react-spinner';
import { Textarea } from '@fluentui/react-textarea';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { withAreaStrings } from '../../components/AreaStrings';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldText } from '../../components/errorText';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { toApiError } from '../../useLoad';
import { OUTCOMES, closePilot, type Outcome, type PilotView } from './api';

/** Closing a pilot records the decision (adopt, adapt, stop) and what the team learned. */
const useStyles = makeStyles({
  surface: { maxWidth: '560px', width: 'calc(100vw - 32px)' },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    // The content scrolls; without this its children would shrink and overlap instead.
    '& > *': { flexShrink: 0 },
  },
  intro: { color: tokens.colorNeutralForeground2 },
});

export interface ClosePilotDialogProps {
  open: boolean;
  pilot: PilotView;
  onDismiss(): void;
  onClosed(p: PilotView): void;
}

/** The dialog's strings load with it (the pilotForms area; it opens once they are here). */
export default withAreaStrings('pilotForms', CloseDialog);

function CloseDialog({ open, pilot, onDismiss, onClosed }: ClosePilotDialogProps) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [learning, setLearning] = useState('');
  const [errors, setErrors] = useState<{ outcome?: string; learning?: string }>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [saving, setSaving] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const problems: typeof errors = {};
    if (!outcome) problems.outcome = t('close.outcomeRequired');
    if (learning.trim().length < 3 || learning.trim().length > 2000) problems.learning = t('close.learningLength');
    setErrors(problems);
    if (!outcome || Object.keys(problems).length) return;
    setSaving(true);
    setFailure(undefined);
    try {
      onClosed(await closePilot(api, pilot.id, outcome, learning.trim()));
    } catch (err) {
      const apiErr = toApiError(err);
      const fieldProblems = Object.fromEntries(apiErr.fields.filter((f) => f.field === 'outcome' || f.field === 'learning').map((f) => [f.field, fieldText(i18n, f)]));
      if (Object.keys(fieldProblems).length) setErrors(fieldProblems);
      else setFailure(apiErr);
    } finally {
      setSaving(false);
    }
  }

  const fieldError = (key: 'outcome' | 'learning') => (errors[key] ? { validationMessage: errors[key], validationState: 'error' as const } : {});

  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, d) => !d.open && onDismiss()}>
      <DialogSurface className={s.surface}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{t('close.title')}</DialogTitle>
            <DialogContent className={s.content}>
              <Body1 className={s.intro}>{t('close.intro')}</Body1>
              {failure && <ErrorBar error={failure} />}
              <Field label={t('close.outcome')} required {...fieldError('outcome')}>
                <RadioGroup
                  value={outcome ?? ''}
                  onChange={(_, d) => {
                    setOutcome(d.value as Outcome);
                    setErrors(({ outcome: _o, ...rest }) => rest);
                  }}
                >
                  {OUTCOMES.map((o) => (
                    <Radio key={o} value={o} label={t(`outcome.${o}` as const)} />
                  ))}
                </RadioGroup>
              </Field>
              <Field label={t('close.learning')} hint={t('close.learningHint')} required {...fieldError('learning')}>
                <Textarea
                  value={learning}
                  onChange={(_, d) => {
                    setLearning(d.value);
                    setErrors(({ learning: _l, ...rest }) => rest);
                  }}
                  rows={4}
                  resize="vertical"
                  maxLength={2000}
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">{t('app.cancel')}</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary" disabled={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
                {t('close.submit')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
