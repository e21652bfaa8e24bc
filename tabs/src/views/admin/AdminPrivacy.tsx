import { Button } from '@fluentui/react-button';
import { Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-dialog';
import { Field } from '@fluentui/react-field';
import { Input } from '@fluentui/react-input';
import { Body1 } from '@fluentui/react-text';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { ExportButton } from '../../components/ExportButton';
import { Section } from '../../components/Layout';
import { SuccessBar } from '../../components/SuccessBar';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { toApiError } from '../../useLoad';
import { confirmTenantDeletion, erasePerson, exportPerson, startTenantDeletion, type DeletionTicketView, type PersonView } from './api';
import { useAdminStyles } from './parts';
import { PersonPicker, usePersonPicker } from './PersonPicker';

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * A person's data on request (export, erase with a confirmation step naming who) and deleting the
 * whole organisation's data (two steps: a ticket, then the organisation's name typed back).
 */
export function AdminPrivacy() {
  return (
    <>
      <PersonData />
      <TenantDeletion />
    </>
  );
}

function PersonData() {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useAdminStyles();
  const picker = usePersonPicker();
  const { chosen } = picker;
  const [error, setError] = useState<ApiError | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [erasing, setErasing] = useState(false);

  return (
    <Section title={t('privacy.title')} id="admin-privacy">
      <Body1>{t('privacy.intro')}</Body1>
      {notice && <SuccessBar>{notice}</SuccessBar>}
      {error && <ErrorBar plain error={error} />}
      <div className={s.actions}>
        <PersonPicker
          picker={picker}
          label={t('privacy.person')}
          placeholder={t('privacy.search')}
          noMatch={t('privacy.noMatch')}
          testId="privacy-person"
          onChosen={() => {
            setNotice(undefined);
            setError(undefined);
          }}
        />
      </div>
      {chosen && (
        <div className={s.row}>
          <ExportButton label={t('privacy.exportJson')} fetchFile={() => exportPerson(api, chosen.userId, 'json')} fallbackName="leaderful-person-data.json" onError={setError} />
          <ExportButton label={t('privacy.exportCsv')} fetchFile={() => exportPerson(api, chosen.userId, 'csv')} fallbackName="leaderful-person-data.csv" onError={setError} />
          <Button appearance="secondary" onClick={() => setErasing(true)} data-testid="privacy-erase">
            {t('privacy.erase')}
          </Button>
        </div>
      )}
      {chosen && erasing && (
        <EraseDialog
          person={chosen}
          onClose={() => setErasing(false)}
          onErased={(text) => {
            setErasing(false);
            setNotice(text);
            picker.clear();
          }}
        />
      )}
    </Section>
  );
}

/** The confirmation step: it names who, and the name must be typed back. */
function EraseDialog({ person, onClose, onErased }: { person: PersonView; onClose(): void; onErased(text: string): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const matches = typed.trim().toLocaleLowerCase() === person.name.trim().toLocaleLowerCase();
  const erase = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { erasure } = await erasePerson(api, person.userId, typed);
      onErased(erasure.alreadyErased ? t('privacy.alreadyErased') : t('privacy.erased', { name: person.name, deleted: sum(erasure.deleted), deidentified: sum(erasure.deidentified) }));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('privacy.eraseTitle', { name: person.name })}</DialogTitle>
          <DialogContent>
            <Body1 as="p">{t('privacy.eraseWhat', { name: person.name })}</Body1>
            <Field label={t('privacy.eraseType', { name: person.name })} validationState={typed && !matches ? 'error' : undefined} validationMessage={typed && !matches ? t('privacy.nameMismatch') : undefined}>
              <Input value={typed} onChange={(_, d) => setTyped(d.value)} data-testid="privacy-confirm-name" />
            </Field>
            {error && <ErrorBar plain error={error} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!matches || busy} onClick={() => void erase()} data-testid="privacy-erase-confirm">
              {t('privacy.eraseConfirm', { name: person.name })}
            </Button>
            <Button onClick={onClose}>{t('privacy.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function TenantDeletion() {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useAdminStyles();
  const [ticket, setTicket] = useState<DeletionTicketView | undefined>();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('tenant.title')} id="admin-tenant-deletion">
      <Body1>{t('tenant.intro')}</Body1>
      {done !== undefined && <SuccessBar>{t('tenant.done', { count: done })}</SuccessBar>}
      {error && <ErrorBar plain error={error} />}
      {!ticket ? (
        <div className={s.row}>
          <Button disabled={busy} onClick={() => void run(async () => setTicket((await startTenantDeletion(api)).ticket))} data-testid="tenant-delete-start">
            {t('tenant.start')}
          </Button>
        </div>
      ) : (
        <form
          className={s.actions}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const { deleted } = await confirmTenantDeletion(api, ticket.token, typed);
              setDone(sum(deleted));
              setTicket(undefined);
            });
          }}
        >
          <Body1>{t('tenant.ticket', { count: sum(ticket.documents), name: ticket.tenantName })}</Body1>
          <Field label={t('tenant.type')} className={s.field}>
            <Input value={typed} onChange={(_, d) => setTyped(d.value)} data-testid="tenant-delete-name" />
          </Field>
          <Button type="submit" appearance="primary" disabled={busy || typed.trim().toLocaleLowerCase() !== ticket.tenantName.trim().toLocaleLowerCase()}>
            {t('tenant.confirm')}
          </Button>
          <Button onClick={() => setTicket(undefined)}>{t('privacy.cancel')}</Button>
        </form>
      )}
    </Section>
  );
}
