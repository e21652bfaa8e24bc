import { makeStyles, mergeClasses } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';

/**
 * A person's initials in a coloured circle, decorative only (the name is always written next to
 * it). Stands in for Fluent's Avatar, which costs ~6 KB gzip of first-load JavaScript for what
 * the tab uses of it. Colours come from Fluent's palette tokens, so themes (incl. high
 * contrast) apply.
 */
const useStyles = makeStyles({
  circle: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusCircular,
    fontWeight: tokens.fontWeightSemibold,
    userSelect: 'none',
    // Transparent in light and dark; a visible outline in high contrast, where fills are dropped.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    boxSizing: 'border-box',
  },
  c0: { backgroundColor: tokens.colorPaletteBerryBackground2, color: tokens.colorPaletteBerryForeground2 },
  c1: { backgroundColor: tokens.colorPaletteLightTealBackground2, color: tokens.colorPaletteLightTealForeground2 },
  c2: { backgroundColor: tokens.colorPaletteMarigoldBackground2, color: tokens.colorPaletteMarigoldForeground2 },
  c3: { backgroundColor: tokens.colorPaletteLavenderBackground2, color: tokens.colorPaletteLavenderForeground2 },
  c4: { backgroundColor: tokens.colorPaletteForestBackground2, color: tokens.colorPaletteForestForeground2 },
  c5: { backgroundColor: tokens.colorPalettePumpkinBackground2, color: tokens.colorPalettePumpkinForeground2 },
});

const COLORS = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'] as const;

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => Array.from(w)[0]?.toUpperCase() ?? '').join('');
}

export function Initials({ name, size = 28 }: { name: string; size?: number }) {
  const s = useStyles();
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <span
      className={mergeClasses(s.circle, s[COLORS[hash % COLORS.length]])}
      style={{ width: size, height: size, fontSize: Math.round(size * 0.4) }}
      aria-hidden="true"
    >
      {initialsOf(name)}
    </span>
  );
}
