import { Link } from '@fluentui/react-link';
import { Caption1 } from '@fluentui/react-text';
import { makeStyles, mergeClasses } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { WarningRegular } from '@fluentui/react-icons';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { HealthIndicator, StatusBadge } from '../../components/PilotBadges';
import { Sparkline } from '../../components/Sparkline';
import { useI18n, type I18n } from '../../i18n';
import { hrefFor, navigate } from '../../router';
import { pilotSignalReason } from '../feedback/labels';
import type { PortfolioRow } from './api';

/**
 * Every pilot in the tenant as one accessible grid, however many there are: only the rows in
 * view (plus a few) are in the DOM, positioned inside a spacer as tall as the whole list.
 * Assistive tech still hears the real size and place (aria-rowcount, aria-rowindex), and the
 * keyboard moves a single tab stop from row to row (arrows, Page Up/Down, Home/End), scrolling
 * rows into the DOM as it goes. Enter opens the pilot.
 */
export const ROW_HEIGHT = 56;
const HEADER_HEIGHT = 40;

const wide = '@media (min-width: 1100px)';
const narrow = '@media (max-width: 719px)';
// Pilot · Team · Manager · Status · Health · Participation · Confidence · Open feedback · Signals
const COLUMNS = {
  wide: 'minmax(160px, 2fr) minmax(90px, 1.1fr) minmax(90px, 1fr) 92px 112px 96px 124px 96px minmax(140px, 1.5fr)',
  medium: 'minmax(160px, 2fr) minmax(90px, 1.1fr) 92px 112px 124px minmax(140px, 1.4fr)',
  narrow: 'minmax(120px, 1fr) 88px 112px',
};

const useStyles = makeStyles({
  grid: {
    position: 'relative',
    overflowY: 'auto',
    overflowX: 'hidden',
    contain: 'strict',
    outlineStyle: 'none',
    borderRadius: tokens.borderRadiusMedium,
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: COLUMNS.medium,
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    boxSizing: 'border-box',
    [wide]: { gridTemplateColumns: COLUMNS.wide },
    [narrow]: { gridTemplateColumns: COLUMNS.narrow, columnGap: tokens.spacingHorizontalS },
  },
  headerRow: { height: `${HEADER_HEIGHT}px` },
  columnHeader: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2, overflow: 'hidden', maxHeight: `${HEADER_HEIGHT}px` },
  body: { position: 'relative', width: '100%' },
  dataRow: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: `${ROW_HEIGHT}px`,
    cursor: 'pointer',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  cell: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  text: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  titleCell: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block' },
  muted: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  number: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', textAlign: 'end' },
  confidence: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  signals: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  signalIcon: { color: tokens.colorPaletteMarigoldForeground1, flexShrink: 0, fontSize: '16px' },
  signalLines: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  signalText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0, fontSize: tokens.fontSizeBase300 },
  wideOnly: { display: 'none', [wide]: { display: 'block' } },
  notNarrow: { [narrow]: { display: 'none' } },
  hint: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export interface PortfolioGridProps {
  /** The rows here so far: the first rows of a cold start, then every pilot the filters select. */
  pilots: PortfolioRow[];
  /** How many pilots the filters select (what assistive tech hears as the grid's size). */
  total: number;
  /** Names the list (its filters): a new list starts at its first row; the rest of the same list arriving keeps the reader's place. */
  listKey: string;
  /** Visible height of the scrolling grid, in pixels. */
  height: number;
}

export function PortfolioGrid({ pilots, total, listKey, height }: PortfolioGridProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const hintId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | undefined>();

  // A new list (other filters) starts at its first row.
  useEffect(() => {
    setActive(0);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [listKey]);

  // The row with the tab stop stays rendered even when scrolled out of view, so Tab can always
  // return to it and screen readers never lose their place.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const rows = defaultRangeExtractor(range);
      if (active < range.count && !rows.includes(active)) {
        rows.push(active);
        rows.sort((x, y) => x - y);
      }
      return rows;
    },
    [active],
  );

  const virtualizer = useVirtualizer({
    count: pilots.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
    initialRect: { width: 1000, height },
  });

  const focusRow = useCallback((index: number, tries = 6) => {
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      pendingFocus.current = undefined;
    } else if (tries > 0) requestAnimationFrame(() => focusRow(index, tries - 1));
  }, []);

  useLayoutEffect(() => {
    if (pendingFocus.current !== undefined) focusRow(pendingFocus.current);
  }, [active, focusRow]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(pilots.length - 1, index));
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
    if (next === active) focusRow(next);
    else setActive(next);
  };

  const pageRows = Math.max(1, Math.floor((height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!pilots.length || e.altKey || e.metaKey) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => moveTo(active - 1),
      PageDown: () => moveTo(active + pageRows),
      PageUp: () => moveTo(active - pageRows),
      Home: () => moveTo(0),
      End: () => moveTo(pilots.length - 1),
      Enter: () => open(pilots[active]),
      ' ': () => undefined, // no page scroll under a focused row
    };
    const run = keys[e.key];
    if (!run) return;
    e.preventDefault();
    run();
  };

  // Marks the first render with rows, for the tab-render benchmark.
  const marked = useRef(false);
  useEffect(() => {
    if (!marked.current && pilots.length) {
      marked.current = true;
      performance.mark('leaderful:leader-rows');
    }
  }, [pilots.length]);

  return (
    <>
    <span id={hintId} className={s.hint}>
      {t('leader.gridHint')}
    </span>
    <div
      ref={scrollRef}
      role="grid"
      aria-label={t('leader.gridLabel')}
      aria-describedby={hintId}
      aria-rowcount={total + 1}
      className={s.grid}
      style={{ height }}
      onKeyDown={onKeyDown}
      data-testid="portfolio-grid"
    >
      <div role="rowgroup" className={s.header}>
        <div role="row" aria-rowindex={1} className={mergeClasses(s.row, s.headerRow)}>
          <div role="columnheader" className={s.columnHeader}>{t('col.pilot')}</div>
          <div role="columnheader" className={mergeClasses(s.columnHeader, s.notNarrow)}>{t('col.team')}</div>
          <div role="columnheader" className={mergeClasses(s.columnHeader, s.wideOnly)}>{t('col.manager')}</div>
          <div role="columnheader" className={s.columnHeader}>{t('col.status')}</div>
          <div role="columnheader" className={s.columnHeader}>{t('col.health')}</div>
          <div role="columnheader" className={mergeClasses(s.columnHeader, s.number, s.wideOnly)}>{t('col.participation')}</div>
          <div role="columnheader" className={mergeClasses(s.columnHeader, s.notNarrow)}>{t('col.confidenceTrend')}</div>
          <div role="columnheader" className={mergeClasses(s.columnHeader, s.number, s.wideOnly)}>{t('col.openFeedback')}</div>
          <div role="columnheader" className={mergeClasses(s.columnHeader, s.notNarrow)}>{t('col.signals')}</div>
        </div>
      </div>
      <div role="rowgroup" className={s.body} style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT }}>
        {virtualizer.getVirtualItems().map((v) => (
          <PortfolioRow key={pilots[v.index].id} pilot={pilots[v.index]} index={v.index} top={v.start - HEADER_HEIGHT} active={v.index === active} onFocusRow={setActive} i18n={i18n} />
        ))}
      </div>
    </div>
    </>
  );
}

function open(p: PortfolioRow | undefined) {
  if (p) navigate({ name: 'pilot', id: p.id });
}

const PortfolioRow = memo(function PortfolioRow({ pilot: p, index, top, active, onFocusRow, i18n }: { pilot: PortfolioRow; index: number; top: number; active: boolean; onFocusRow(i: number): void; i18n: I18n }) {
  const s = useStyles();
  const { t } = i18n;
  const h = p.health;
  const none = t('app.none');
  const first = h.signals[0];
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
      data-index={index}
      data-pilot-id={p.id}
      className={mergeClasses(s.row, s.dataRow)}
      style={{ transform: `translateY(${top}px)` }}
      onFocus={() => onFocusRow(index)}
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('a')) open(p);
      }}
    >
      <div role="gridcell" className={s.titleCell}>
        <Link href={hrefFor({ name: 'pilot', id: p.id })} className={s.title} tabIndex={-1}>
          {p.title}
        </Link>
        <Caption1 className={s.muted}>{p.practiceName}</Caption1>
      </div>
      <div role="gridcell" className={mergeClasses(s.cell, s.text, s.notNarrow)} title={p.teamName}>
        {p.teamName}
      </div>
      <div role="gridcell" className={mergeClasses(s.cell, s.text, s.wideOnly)} title={p.managerName}>
        {p.managerName}
      </div>
      <div role="gridcell" className={s.cell}>
        <StatusBadge status={p.status} />
      </div>
      <div role="gridcell" className={s.cell}>
        <HealthIndicator level={h.level} />
      </div>
      <div role="gridcell" className={mergeClasses(s.cell, s.number, s.wideOnly)}>
        {h.participation === null ? none : i18n.percent(h.participation)}
      </div>
      <div role="gridcell" className={mergeClasses(s.cell, s.notNarrow)}>
        <span className={s.confidence}>
          {h.confidence === null ? none : t('health.outOf5', { value: i18n.decimal(h.confidence) })}
          <Sparkline values={h.confidenceTrend} width={48} height={18} />
        </span>
      </div>
      <div role="gridcell" className={mergeClasses(s.cell, s.number, s.wideOnly)} data-open-feedback={h.openFeedback}>
        {h.openFeedback}
      </div>
      <div role="gridcell" className={mergeClasses(s.cell, s.notNarrow)}>
        {first ? (
          <span className={s.signals} data-signals={h.signals.map((x) => x.kind).join(' ')} title={h.signals.map((x) => pilotSignalReason(i18n, x)).join('\n')}>
            <WarningRegular className={s.signalIcon} aria-hidden="true" />
            <span className={s.signalLines}>
              <span className={s.signalText}>{t(`signal.${first.kind}` as const)}</span>
              {h.signals.length > 1 && <Caption1 className={s.muted}>{t('leader.moreSignals', { count: h.signals.length - 1 })}</Caption1>}
            </span>
          </span>
        ) : (
          <span className={s.muted}>{none}</span>
        )}
      </div>
    </div>
  );
});
