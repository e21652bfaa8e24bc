import { Badge } from '@fluentui/react-badge';
import { Button } from '@fluentui/react-button';
import { Link } from '@fluentui/react-link';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-message-bar';
import { Spinner } from '@fluentui/react-spinner';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-table';
import { Tab, TabList } from '@fluentui/react-tabs';
import { Body1, Text } from '@fluentui/react-text';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { Page, PageHeader, Section } from '../../components/Layout';
import { Loading } from '../../components/Loading';
import { SuccessBar } from '../../components/SuccessBar';
import { useI18n, type MessageKey } from '../../i18n';
import { ADMIN_SECTIONS, hrefFor, navigate, type AdminSection } from '../../router';
import { useSession } from '../../session';
import { toApiError, useLoad } from '../../useLoad';
import { AdminAudit } from './AdminAudit';
import { AdminPrivacy } from './AdminPrivacy';
import { AdminSettings } from './AdminSettings';
import { AdminRetention } from './AdminRetention';
import { AdminTeams } from './AdminTeams';
import { getRoles, getSync, syncNow, type SyncRun, type SyncStatusView } from './api';
import { sourceText, useAdminStyles, useWhen } from './parts';

/**
 * The admin area (admins only; its own chunk): the organisation sync, who holds which role and
 * where it comes from, teams and their managers, tenant settings, retention periods and the audit log.
 */
const SECTION_LABEL: Record<AdminSection, MessageKey> = {
  sync: 'admin.section.sync',
  roles: 'admin.section.roles',
  teams: 'admin.section.teams',
  settings: 'admin.section.settings',
  retention: 'admin.section.retention',
  audit: 'admin.section.audit',
  privacy: 'admin.section.privacy',
};

/** Its strings (the admin area's) are here before it shows: Routes waits for them (views/strings.ts). */
export default function AdminView({ section }: { section: AdminSection }) {
  const { t } = useI18n();
  const ids = useId();
  return (
    <Page>
      <PageHeader title={t('admin.title')} subtitle={t('admin.subtitle')} actions={<Link href={hrefFor({ name: 'practices' })}>{t('lib.manage')}</Link>} />
      <TabList selectedValue={section} onTabSelect={(_, d) => navigate({ name: 'admin', section: d.value as AdminSection })} aria-label={t('admin.sections')}>
        {ADMIN_SECTIONS.map((sec) => (
          <Tab key={sec} value={sec} id={`${ids}-${sec}`} data-section={sec}>
            {t(SECTION_LABEL[sec])}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-labelledby={`${ids}-${section}`}>
        {section === 'sync' && <SyncSection />}
        {section === 'roles' && <RolesSection />}
        {section === 'teams' && <AdminTeams />}
        {section === 'settings' && <AdminSettings />}
        {section === 'retention' && <AdminRetention />}
        {section === 'audit' && <AdminAudit />}
        {section === 'privacy' && <AdminPrivacy />}
      </div>
    </Page>
  );
}

function SyncSection() {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useAdminStyles();
  const when = useWhen();
  const status = useLoad((signal) => getSync(api, signal), [api]);
  const [started, setStarted] = useState(false);
  const [startError, setStartError] = useState<ApiError | undefined>();
  const running = !!status.data?.running;
  // While a sync runs, look again every second.
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(status.reload, 1000);
    return () => clearTimeout(timer);
  }, [running, status.data, status.reload]);

  const start = async () => {
    setStartError(undefined);
    try {
      status.set(await syncNow(api));
      setStarted(true);
    } catch (err) {
      setStartError(toApiError(err));
    }
  };

  if (!status.data) return status.error ? <ErrorBar error={status.error} onRetry={status.reload} /> : <Loading />;
  const data: SyncStatusView = status.data;
  const last = data.runs[0];
  return (
    <Section title={t('sync.title')} id="admin-sync">
      <Body1>{t('sync.intro')}</Body1>
      {started && running && <SuccessBar>{t('sync.started')}</SuccessBar>}
      {startError && <ErrorBar error={startError} />}
      {!last && <Body1 className={s.muted}>{t('sync.never')}</Body1>}
      {last && (
        <dl className={s.facts} aria-label={t('sync.facts')} data-testid="sync-facts">
          <Fact label={t('sync.last')}>
            {when(last.finishedAt)}{' '}
            <Badge appearance="tint" color={last.ok ? 'success' : 'danger'}>
              {t(last.ok ? 'sync.result.ok' : 'sync.result.failed')}
            </Badge>
          </Fact>
          {data.summary && <Fact label={t('sync.people')}>{data.summary.people}</Fact>}
          {data.summary && <Fact label={t('sync.levels')}>{data.summary.levels}</Fact>}
          <Fact label={t('sync.changes')}>{last.changes}</Fact>
          <Fact label={t('sync.updated')}>{last.updated}</Fact>
          <Fact label={t('sync.calls')}>{last.throttled ? t('sync.throttled', { calls: last.graphCalls, throttled: last.throttled }) : last.graphCalls}</Fact>
        </dl>
      )}
      {data.summary && data.summary.departments.length > 0 && (
        <div>
          <Text as="h3" className={s.factLabel}>
            {t('sync.departments')}
          </Text>
          <ul className={s.list}>
            {data.summary.departments.slice(0, 8).map((d) => (
              <li key={d.name}>{i18n.plural('sync.department', d.people, { name: d.name })}</li>
            ))}
          </ul>
        </div>
      )}
      {last && last.problems.length > 0 && (
        <MessageBar intent={last.ok ? 'warning' : 'error'} layout="multiline" data-testid="sync-problems">
          <MessageBarBody>
            <MessageBarTitle>{t('sync.problems')}</MessageBarTitle>
            <ul className={s.list}>
              {last.problems.map((p, i) => (
                <li key={i}>{i18n.word(p.code, p.params)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={s.row}>
        <Button appearance="primary" icon={running ? <Spinner size="tiny" /> : <ArrowSyncRegular />} disabled={running} onClick={start}>
          {running ? t('sync.running') : t('sync.now')}
        </Button>
      </div>
      {data.runs.length > 0 && <RunHistory runs={data.runs} />}
    </Section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const s = useAdminStyles();
  return (
    <div className={s.fact}>
      <dt className={s.factLabel}>{label}</dt>
      <dd className={s.factValue}>{children}</dd>
    </div>
  );
}

function RunHistory({ runs }: { runs: SyncRun[] }) {
  const { t } = useI18n();
  const s = useAdminStyles();
  const when = useWhen();
  return (
    <div className={s.scroll}>
      <Table size="small" aria-label={t('sync.history')} className={s.table} data-testid="sync-history">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('sync.col.when')}</TableHeaderCell>
            <TableHeaderCell>{t('sync.col.trigger')}</TableHeaderCell>
            <TableHeaderCell>{t('sync.col.mode')}</TableHeaderCell>
            <TableHeaderCell>{t('sync.col.result')}</TableHeaderCell>
            <TableHeaderCell>{t('sync.changes')}</TableHeaderCell>
            <TableHeaderCell>{t('sync.calls')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {runs.slice(0, 10).map((r) => (
            <TableRow key={r.id}>
              <TableCell>{when(r.finishedAt)}</TableCell>
              <TableCell>{t(`sync.trigger.${r.trigger}`)}</TableCell>
              <TableCell>{t(`sync.mode.${r.mode}`)}</TableCell>
              <TableCell>{t(r.ok ? 'sync.result.ok' : 'sync.result.failed')}</TableCell>
              <TableCell>{r.changes}</TableCell>
              <TableCell>{r.graphCalls}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function RolesSection() {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useAdminStyles();
  const roles = useLoad((signal) => getRoles(api, signal), [api]);
  if (!roles.data) return roles.error ? <ErrorBar error={roles.error} onRetry={roles.reload} /> : <Loading />;
  const rows = [...roles.data.roles].sort((a, b) => a.name.localeCompare(b.name, i18n.locale) || a.role.localeCompare(b.role));
  return (
    <Section title={t('roles.title')} id="admin-roles">
      <Body1>{t('roles.intro')}</Body1>
      {rows.length === 0 ? (
        <Body1 className={s.muted}>{t('roles.none')}</Body1>
      ) : (
        <div className={s.scroll}>
          <Table size="small" aria-label={t('roles.table')} className={s.table} data-testid="roles-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('roles.col.person')}</TableHeaderCell>
                <TableHeaderCell>{t('roles.col.role')}</TableHeaderCell>
                <TableHeaderCell>{t('roles.col.source')}</TableHeaderCell>
                <TableHeaderCell>{t('roles.col.team')}</TableHeaderCell>
                <TableHeaderCell>{t('roles.col.since')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={`${r.userId}|${r.role}|${r.team?.id ?? ''}`}>
                  <TableCell>{r.name}</TableCell>
                  <TableCell>{t(`role.${r.role}`)}</TableCell>
                  <TableCell>{sourceText(t, r.source, r.by)}</TableCell>
                  <TableCell>{r.team?.name ?? ''}</TableCell>
                  <TableCell>{i18n.date(r.since)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </Section>
  );
}
