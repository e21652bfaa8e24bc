import { Caption1, Text } from '@fluentui/react-text';
import { Link } from '@fluentui/react-link';
import { Table, TableBody, TableCell, TableCellLayout, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-table';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { HealthIndicator, StatusBadge } from '../../components/PilotBadges';
import { useI18n } from '../../i18n';
import { hrefFor } from '../../router';
import type { PilotView } from './api';

/**
 * Pilots at a glance: status, health, participation and confidence. Lists here are a team's or
 * a manager's pilots (tens of rows), so a plain table beats virtualization on simplicity.
 */
const narrow = '@media (max-width: 720px)';
const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  titleCell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  title: { fontWeight: tokens.fontWeightSemibold },
  number: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  optional: { [narrow]: { display: 'none' } },
});

export function PilotTable({ pilots, showTeam }: { pilots: PilotView[]; showTeam: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const none = <span className={s.muted}>{t('app.none')}</span>;

  return (
    <Table className={s.table} aria-label={t('pilots.table')} size="medium">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('col.pilot')}</TableHeaderCell>
          {showTeam && <TableHeaderCell className={s.optional}>{t('col.team')}</TableHeaderCell>}
          <TableHeaderCell>{t('col.status')}</TableHeaderCell>
          <TableHeaderCell>{t('col.health')}</TableHeaderCell>
          <TableHeaderCell className={s.optional}>{t('col.participation')}</TableHeaderCell>
          <TableHeaderCell className={s.optional}>{t('col.confidence')}</TableHeaderCell>
          <TableHeaderCell className={s.optional}>{t('col.dates')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {pilots.map((p) => (
          <TableRow key={p.id} data-pilot-id={p.id}>
            <TableCell className={s.titleCell}>
              <TableCellLayout description={p.practiceName}>
                <Link href={hrefFor({ name: 'pilot', id: p.id })} className={s.title}>
                  {p.title}
                </Link>
              </TableCellLayout>
            </TableCell>
            {showTeam && (
              <TableCell className={s.optional}>
                <Text size={300}>{p.teamName}</Text>
              </TableCell>
            )}
            <TableCell>
              <StatusBadge status={p.status} />
            </TableCell>
            <TableCell>
              <HealthIndicator level={p.health.level} />
            </TableCell>
            <TableCell className={s.optional}>
              <span className={s.number}>{p.health.participation === null ? none : i18n.percent(p.health.participation)}</span>
            </TableCell>
            <TableCell className={s.optional}>
              <span className={s.number}>{p.health.confidence === null ? none : t('health.outOf5', { value: i18n.decimal(p.health.confidence) })}</span>
            </TableCell>
            <TableCell className={s.optional}>
              <Caption1 className={s.number}>{t('detail.dateRange', { start: i18n.date(p.startDate), end: i18n.date(p.endDate) })}</Caption1>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
