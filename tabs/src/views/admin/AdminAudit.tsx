import { Button } from '@fluentui/react-button';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-table';
import { Body1 } from '@fluentui/react-text';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { Section } from '../../components/Layout';
import { Loading } from '../../components/Loading';
import { useI18n, type I18n, type MessageKey } from '../../i18n';
import { useSession } from '../../session';
import { toApiError, useLoad } from '../../useLoad';
import { ExportButton } from '../../components/ExportButton';
import { RETENTION_LABEL } from './AdminRetention';
import { auditFile, getAudit, type AuditEntry, type RetentionKind } from './api';
import { useAdminStyles, useWhen } from './parts';

/** The audit log: every admin change, newest first, a page at a time; exported whole as CSV or JSON. Read only. */
type Entry = Omit<AuditEntry, 'tenantId' | 'type'>;

const FIELD_LABEL: Record<string, MessageKey> = {
  anonymityThreshold: 'settings.threshold',
  defaultTimeZone: 'settings.timeZone',
  workDays: 'settings.workDays',
  quietHours: 'settings.quietHours',
};

export function AdminAudit() {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useAdminStyles();
  const when = useWhen();
  const first = useLoad((signal) => getAudit(api, undefined, signal), [api]);
  const [more, setMore] = useState<{ entries: Entry[]; continuation?: string }>();
  const [error, setError] = useState<ApiError | undefined>();
  const [exportError, setExportError] = useState<ApiError | undefined>();
  if (!first.data) return first.error ? <ErrorBar error={first.error} onRetry={first.reload} /> : <Loading />;
  const entries = [...first.data.entries, ...(more?.entries ?? [])];
  const continuation = more ? more.continuation : first.data.continuation;

  const loadMore = async () => {
    setError(undefined);
    try {
      const page = await getAudit(api, continuation);
      setMore({ entries: [...(more?.entries ?? []), ...page.entries], continuation: page.continuation });
    } catch (err) {
      setError(toApiError(err));
    }
  };

  return (
    <Section title={t('audit.title')} id="admin-audit">
      <Body1>{t('audit.intro')}</Body1>
      <div className={s.row}>
        <ExportButton label={t('audit.export.csv')} fetchFile={() => auditFile(api, 'csv')} fallbackName="leaderful-audit.csv" onError={setExportError} />
        <ExportButton label={t('audit.export.json')} fetchFile={() => auditFile(api, 'json')} fallbackName="leaderful-audit.json" onError={setExportError} />
      </div>
      {exportError && <ErrorBar error={exportError} />}
      {entries.length === 0 ? (
        <Body1 className={s.muted}>{t('audit.none')}</Body1>
      ) : (
        <div className={s.scroll}>
          <Table size="small" aria-label={t('audit.table')} className={s.table} data-testid="audit-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('audit.col.when')}</TableHeaderCell>
                <TableHeaderCell>{t('audit.col.who')}</TableHeaderCell>
                <TableHeaderCell>{t('audit.col.what')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{when(e.at)}</TableCell>
                  <TableCell>{e.actor.name}</TableCell>
                  <TableCell>
                    {describe(i18n, e)}
                    {e.action === 'settings.changed' && (
                      <ul className={s.list}>
                        {Object.keys(e.after ?? {}).map((k) => (
                          <li key={k}>{t('audit.change', { field: fieldName(t, k), before: shown(i18n, e.before?.[k]), after: shown(i18n, e.after?.[k]) })}</li>
                        ))}
                      </ul>
                    )}
                    {e.action === 'retention.changed' && (
                      <ul className={s.list}>
                        {Object.keys(e.after ?? {}).map((k) => (
                          <li key={k}>{t('audit.retentionChange', { kind: kindName(t, k), before: shown(i18n, e.before?.[k]), after: shown(i18n, e.after?.[k]) })}</li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {error && <ErrorBar error={error} />}
      {continuation && (
        <div className={s.row}>
          <Button onClick={() => void loadMore()}>{t('audit.more')}</Button>
        </div>
      )}
    </Section>
  );
}

function describe({ t, list }: I18n, e: Entry): string {
  const person = String((e.after ?? e.before)?.name ?? '');
  switch (e.action) {
    case 'team.manager_named':
      return t('audit.action.team.manager_named', { name: person, team: e.target.name ?? '' });
    case 'team.manager_unnamed':
      return t('audit.action.team.manager_unnamed', { name: person, team: e.target.name ?? '' });
    case 'settings.changed':
      return t('audit.action.settings.changed', { fields: list(Object.keys(e.after ?? {}).map((k) => fieldName(t, k))) });
    case 'privacy.exported':
      return t('audit.action.privacy.exported', { name: e.target.name ?? '' });
    case 'privacy.erased':
      return t('audit.action.privacy.erased', { reference: (e.target.id ?? '').replace(/^erased:/, '').slice(0, 8) });
    case 'retention.changed':
      return t('audit.action.retention.changed', { kinds: list(Object.keys(e.after ?? {}).map((k) => kindName(t, k))) });
    case 'project.decided':
      return t(e.after?.status === 'approved' ? 'audit.action.project.approved' : 'audit.action.project.declined', { name: e.target.name ?? '' });
    case 'practice.added':
    case 'practice.edited':
    case 'practice.retired':
    case 'practice.restored':
      return t(`audit.action.${e.action}`, { name: e.target.name ?? '' });
    case 'practice.proposal_decided':
      return t(e.after?.status === 'approved' ? 'audit.action.proposal.approved' : 'audit.action.proposal.rejected', { name: e.target.name ?? '' });
    case 'org.sync_requested':
      return t('audit.action.org.sync_requested');
    case 'data.exported': {
      const what = e.target.name;
      const format = String(e.after?.format ?? '').toUpperCase();
      if (what === 'pilots' || what === 'feedback' || what === 'audit') return t(`audit.action.data.exported.${what}`, { format });
      return e.action;
    }
    default:
      return e.action; // an action newer than this tab: its code, rather than nothing
  }
}

const kindName = (t: I18n['t'], key: string) => (key in RETENTION_LABEL ? t(RETENTION_LABEL[key as RetentionKind]) : key);

const fieldName = (t: I18n['t'], key: string) => (FIELD_LABEL[key] ? t(FIELD_LABEL[key]) : key);

/** A recorded value as people read it: days as weekday names, quiet hours as a range. */
function shown(i18n: I18n, value: unknown): string {
  if (value === null || value === undefined) return i18n.t('audit.empty');
  if (Array.isArray(value)) return i18n.list(value.map((d) => (typeof d === 'number' ? i18n.weekday(d) : String(d))));
  if (typeof value === 'object') {
    const q = value as { from?: string; to?: string };
    return q.from && q.to ? `${q.from}–${q.to}` : JSON.stringify(value);
  }
  return String(value);
}
