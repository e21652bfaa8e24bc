import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-table';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { Suspense, lazy } from 'react';
import { Section } from '../../components/Layout';
import { Loading } from '../../components/Loading';
import { NumericHeaderCell } from '../../components/NumericHeaderCell';
import { useI18n } from '../../i18n';
import type { RoundFigures } from './api';

/**
 * A pilot's check-ins over time, from the figures kept on the pilot as each round closes
 * (rounds with too few answers carry no averages, so none are shown). Chart in its own chunk.
 */
const PilotTrendChart = lazy(() => import('./PilotTrendChart'));

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  number: { fontVariantNumeric: 'tabular-nums', textAlign: 'end' },
  tableWrap: { overflowX: 'auto', maxHeight: '320px', overflowY: 'auto' },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
});

export function PilotTrend({ figures }: { figures: RoundFigures[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const dated = figures.filter((f) => f.date);
  if (dated.length < 2) return null;
  const none = t('app.none');
  return (
    <Section title={t('detail.overTime')} id="over-time">
      <Suspense fallback={<Loading label={t('charts.loading')} />}>
        <PilotTrendChart figures={dated} />
      </Suspense>
      <details className={s.details}>
        <summary className={s.summary}>{t('trends.showTable')}</summary>
        <div className={s.tableWrap}>
          <Table className={s.table} aria-label={t('detail.overTime')} size="small" data-testid="pilot-trend-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('detail.checkinDay')}</TableHeaderCell>
                <NumericHeaderCell>{t('col.participation')}</NumericHeaderCell>
                <NumericHeaderCell>{t('col.confidence')}</NumericHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...dated].reverse().map((f) => (
                <TableRow key={f.date}>
                  <TableCell>{i18n.date(f.date!)}</TableCell>
                  <TableCell className={s.number}>{f.invited ? `${i18n.percent(f.answered / f.invited)} (${f.answered}/${f.invited})` : none}</TableCell>
                  <TableCell className={s.number}>{f.confidence === null ? none : t('health.outOf5', { value: i18n.decimal(f.confidence) })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </details>
    </Section>
  );
}
