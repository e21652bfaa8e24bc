import { Badge, type BadgeProps } from '@fluentui/react-badge';
import { Text } from '@fluentui/react-text';
import { makeStyles, mergeClasses } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import type { PilotHealth, PilotStatus } from '../../../domain/pilots/model';
import { useI18n } from '../i18n';

/** A pilot's status and health, as every list and detail shows them. */
const STATUS_LOOK: Record<PilotStatus, Pick<BadgeProps, 'color' | 'appearance'>> = {
  draft: { color: 'informative', appearance: 'outline' },
  active: { color: 'brand', appearance: 'tint' },
  paused: { color: 'warning', appearance: 'tint' },
  in_review: { color: 'important', appearance: 'outline' },
  adopted: { color: 'success', appearance: 'tint' },
  adapted: { color: 'success', appearance: 'outline' },
  stopped: { color: 'subtle', appearance: 'tint' },
};

export function StatusBadge({ status }: { status: PilotStatus }) {
  const { t } = useI18n();
  return (
    <Badge shape="rounded" size="medium" {...STATUS_LOOK[status]} data-status={status}>
      {t(`status.${status}` as const)}
    </Badge>
  );
}

const useStyles = makeStyles({
  health: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS, whiteSpace: 'nowrap' },
  dot: {
    width: '10px',
    height: '10px',
    borderRadius: tokens.borderRadiusCircular,
    flexShrink: 0,
    // Keeps the dot visible in high contrast, where background colours are overridden.
    border: `1px solid transparent`,
  },
  good: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  watch: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  at_risk: { backgroundColor: tokens.colorPaletteRedBackground3 },
  // No data yet: a hollow ring rather than a colour that could be read as a verdict.
  unknown: { backgroundColor: 'transparent', border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStrokeAccessible}`, boxSizing: 'border-box' },
});

export function HealthIndicator({ level, size = 'normal' }: { level: PilotHealth['level']; size?: 'normal' | 'large' }) {
  const { t } = useI18n();
  const s = useStyles();
  return (
    <span className={s.health} data-health={level}>
      <span className={mergeClasses(s.dot, s[level])} aria-hidden="true" />
      <Text size={size === 'large' ? 400 : 300} weight={size === 'large' ? 'semibold' : 'regular'}>
        {t(`health.${level}` as const)}
      </Text>
    </span>
  );
}
