import { Button } from '@fluentui/react-button';
import { Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-dialog';
import { Field } from '@fluentui/react-field';
import { MessageBar, MessageBarBody } from '@fluentui/react-message-bar';
import { Body1 } from '@fluentui/react-text';
import { Textarea } from '@fluentui/react-textarea';
import { useState, type FormEvent } from 'react';
import { withAreaStrings } from '../../components/AreaStrings';
import { errorText, fieldText } from '../../components/errorText';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { toApiError } from '../../useLoad';
import { proposePractice } from './api';

/**
 * "Adopt as practice": the manager of an adopted or adapted pilot proposes it for the library.
 * Its strings are the pilotForms area's: it shows once they are here.
 */
export const ProposePractice = withAreaStrings('pilotForms', Propose);

function Propose({ pilotId }: { pilotId: string }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState('');
  const [pitfalls, setPitfalls] = useState('');
  const [problem, setProblem] = useState<string>();
  const [sent, setSent] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(undefined);
    try {
      await proposePractice(api, { pilotId, summary: summary.trim(), pitfalls: pitfalls.split('\n').map((x) => x.trim()).filter(Boolean) });
      setSent(true);
      setOpen(false);
    } catch (err) {
      const apiError = toApiError(err);
      setProblem(apiError.fields.length ? apiError.fields.map((f) => fieldText(i18n, f)).join(' ') : errorText(i18n, apiError));
    }
  }

  if (sent) {
    return (
      <MessageBar intent="success" data-testid="proposal-sent">
        <MessageBarBody>{t('adopt.done')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button>{t('adopt.action')}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{t('adopt.title')}</DialogTitle>
            <DialogContent>
              {problem && (
                <MessageBar intent="error">
                  <MessageBarBody>{problem}</MessageBarBody>
                </MessageBar>
              )}
              <Body1>{t('adopt.intro')}</Body1>
              <Field label={t('adopt.summary')} required>
                <Textarea value={summary} onChange={(_, d) => setSummary(d.value)} rows={2} />
              </Field>
              <Field label={t('adopt.pitfalls')}>
                <Textarea value={pitfalls} onChange={(_, d) => setPitfalls(d.value)} rows={3} />
              </Field>
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">{t('app.cancel')}</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary">
                {t('adopt.submit')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
