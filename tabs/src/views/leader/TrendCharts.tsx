import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { Subtitle2 } from '@fluentui/react-text';
import { TrendChart, useChartColors } from '../../components/Charts';
import { useI18n } from '../../i18n';
import type { TrendPoint } from './api';

/** Participation and confidence over the weeks, one chart each (their scales differ). */
const useStyles = makeStyles({
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', gap: tokens.spacingHorizontalXL },
  chart: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
});

export default function TrendCharts({ trend }: { trend: TrendPoint[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const colors = useChartColors();
  const day = (w: string) => new Date(`${w}T00:00:00Z`);
  const participation = trend.filter((w) => w.participation !== null).map((w) => ({ x: day(w.week), y: Math.round(w.participation! * 100) }));
  const confidence = trend.filter((w) => w.confidence !== null).map((w) => ({ x: day(w.week), y: w.confidence! }));
  return (
    <div className={s.charts}>
      <div className={s.chart}>
        <Subtitle2 as="h3" className={s.heading}>
          {t('trends.participation')}
        </Subtitle2>
        <TrendChart
          title={t('trends.participation')}
          series={[{ legend: t('col.participation'), color: colors.brand, points: participation }]}
          yMin={0}
          yMax={100}
          format={(v) => i18n.percent(v / 100)}
          culture={i18n.locale}
        />
      </div>
      <div className={s.chart}>
        <Subtitle2 as="h3" className={s.heading}>
          {t('trends.confidence')}
        </Subtitle2>
        <TrendChart
          title={t('trends.confidence')}
          series={[{ legend: t('col.confidence'), color: colors.second, points: confidence }]}
          yMin={1}
          yMax={5}
          format={(v) => i18n.decimal(v)}
          culture={i18n.locale}
        />
      </div>
    </div>
  );
}
