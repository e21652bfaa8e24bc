import { Caption1 } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { TrendChart, useChartColors } from '../../components/Charts';
import { useI18n } from '../../i18n';
import type { RoundFigures } from './api';

/** Participation (%) and confidence (1–5) per check-in: two small charts, since their scales differ. */
const useStyles = makeStyles({
  heading: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

export default function PilotTrendChart({ figures }: { figures: RoundFigures[] }) {
  const s = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const colors = useChartColors();
  const x = (f: RoundFigures) => new Date(`${f.date}T00:00:00Z`);
  return (
    <>
      <Caption1 as="h3" className={s.heading}>
        {t('trends.participation')}
      </Caption1>
      <TrendChart
        title={t('col.participation')}
        series={[{ legend: t('col.participation'), color: colors.brand, points: figures.filter((f) => f.invited).map((f) => ({ x: x(f), y: Math.round((f.answered / f.invited) * 100) })) }]}
        yMin={0}
        yMax={100}
        format={(v) => i18n.percent(v / 100)}
        culture={i18n.locale}
        height={180}
      />
      {figures.some((f) => f.confidence !== null) && (
        <>
        <Caption1 as="h3" className={s.heading}>
          {t('trends.confidence')}
        </Caption1>
        <TrendChart
          title={t('col.confidence')}
          series={[{ legend: t('col.confidence'), color: colors.second, points: figures.filter((f) => f.confidence !== null).map((f) => ({ x: x(f), y: f.confidence! })) }]}
          yMin={1}
          yMax={5}
          format={(v) => i18n.decimal(v)}
          culture={i18n.locale}
          height={180}
        />
        </>
      )}
    </>
  );
}
