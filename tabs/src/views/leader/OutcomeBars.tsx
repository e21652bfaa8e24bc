import { makeStyles, mergeClasses } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useI18n, type MessageKey } from '../../i18n';
import type { PracticeOutcome } from './api';

/**
 * Outcomes per practice as one stacked bar each (adopted, adapted, stopped, still running),
 * drawn with plain elements: a part-to-whole bar needs no chart library, and this one reads its
 * colours from the theme, keeps them in forced-colours mode, and names each bar's figures for
 * screen readers. The table below it carries the same numbers.
 */
const PARTS = ['adopted', 'adapted', 'stopped', 'running'] as const;
type Part = (typeof PARTS)[number];
const LABEL: Record<Part, MessageKey> = { adopted: 'outcome.short.adopted', adapted: 'outcome.short.adapted', stopped: 'outcome.short.stopped', running: 'outcomes.running' };

const useStyles = makeStyles({
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, margin: 0, padding: 0, listStyleType: 'none', fontSize: tokens.fontSizeBase200 },
  legendItem: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { width: '12px', height: '12px', borderRadius: tokens.borderRadiusSmall, forcedColorAdjust: 'none', flexShrink: 0 },
  rows: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, 220px) 1fr max-content',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    '@media (max-width: 600px)': { gridTemplateColumns: '1fr max-content', rowGap: tokens.spacingVerticalXXS },
  },
  name: { fontSize: tokens.fontSizeBase300, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', '@media (max-width: 600px)': { gridColumn: '1 / -1' } },
  bar: {
    display: 'flex',
    height: '14px',
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground4,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    forcedColorAdjust: 'none',
  },
  segment: { height: '100%', minWidth: '2px' },
  figure: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  adopted: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  adapted: { backgroundColor: tokens.colorPaletteLightTealBackground2, backgroundImage: `repeating-linear-gradient(45deg, transparent 0 3px, ${tokens.colorPaletteGreenBackground3} 3px 5px)` },
  stopped: { backgroundColor: tokens.colorPaletteRedBackground3 },
  running: { backgroundColor: tokens.colorNeutralStrokeAccessible },
});

export function OutcomeBars({ outcomes, name }: { outcomes: PracticeOutcome[]; name(o: PracticeOutcome): string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  return (
    <>
      <ul className={s.legend} aria-hidden="true">
        {PARTS.map((p) => (
          <li key={p} className={s.legendItem}>
            <span className={mergeClasses(s.swatch, s[p])} />
            {t(LABEL[p])}
          </li>
        ))}
      </ul>
      <ul className={s.rows} data-testid="outcome-bars">
        {outcomes.map((o) => {
          const total = o.adopted + o.adapted + o.stopped + o.running;
          const decided = o.adopted + o.adapted + o.stopped;
          const summary = PARTS.map((p) => `${t(LABEL[p])}: ${o[p]}`).join(', ');
          return (
            <li key={o.practiceId} className={s.row}>
              <span className={s.name} title={name(o)}>
                {name(o)}
              </span>
              <span className={s.bar} role="img" aria-label={`${name(o)}. ${summary}.`}>
                {PARTS.filter((p) => o[p] > 0).map((p) => (
                  <span key={p} className={mergeClasses(s.segment, s[p])} style={{ width: `${(o[p] / total) * 100}%` }} />
                ))}
              </span>
              <span className={s.figure} aria-hidden="true">
                {decided ? t('outcomes.keptOf', { kept: o.adopted + o.adapted, decided }) : t('outcomes.noneDecided')}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
