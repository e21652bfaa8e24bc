import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-table';
import { Body1 } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { Suspense, lazy } from 'react';
import { Section } from '../../components/Layout';
import { Loading } from '../../components/Loading';
import { NumericHeaderCell } from '../../components/NumericHeaderCell';
import { useI18n } from '../../i18n';
import type { TrendPoint } from './api';

/**
 * Week by week across the filtered pilots: participation and confidence (from the rollups kept
 * on each pilot). Charts in their own chunk; the same figures in a table underneath.
 */
const TrendCharts = lazy(() => import('./TrendCharts'));

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  number: { fontVariantNumeric: 'tabular-nums', textAlign: 'end' },
  tableWrap: { overflowX: 'auto', maxHeight: '360px', overflowY: 'auto' },
  muted: { color: tokens.colorNeutralForeground3 },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
});

export default function TrendsSection({ trend }: { trend: TrendPoint[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const none = t('app.none');
  return (
    <Section title={t('trends.title')} id="trends">
      <Body1 className={s.muted}>{t('trends.intro')}</Body1>
      {trend.length < 2 ? (
        <Body1>{t('trends.notEnough')}</Body1>
      ) : (
        <Suspense fallback={<Loading label={t('charts.loading')} />}>
          <TrendCharts trend={trend} />
        </Suspense>
      )}
      {trend.length > 0 && (
        <details className={s.details}>
          <summary className={s.summary}>{t('trends.showTable')}</summary>
          <div className={s.tableWrap}>
            <Table className={s.table} aria-label={t('trends.table')} size="small" data-testid="trend-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('trends.week')}</TableHeaderCell>
                  <NumericHeaderCell>{t('trends.pilots')}</NumericHeaderCell>
                  <NumericHeaderCell>{t('col.participation')}</NumericHeaderCell>
                  <NumericHeaderCell>{t('col.confidence')}</NumericHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...trend].reverse().map((w) => (
                  <TableRow key={w.week}>
                    <TableCell>{t('trends.weekOf', { date: i18n.date(w.week) })}</TableCell>
                    <TableCell className={s.number}>{w.pilots}</TableCell>
                    <TableCell className={s.number}>{w.participation === null ? none : i18n.percent(w.participation)}</TableCell>
                    <TableCell className={s.number}>{w.confidence === null ? none : t('health.outOf5', { value: i18n.decimal(w.confidence) })}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </details>
      )}
    </Section>
  );
}
