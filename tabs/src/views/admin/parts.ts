import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useMemo } from 'react';
import { useI18n, type I18n, type MessageKey } from '../../i18n';
import type { RoleHolder } from './api';

/** What the admin views share: a date-and-time format, the words for where a role comes from, styles. */
export function useWhen(): (iso: string | undefined) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const fmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso) => (iso ? fmt.format(new Date(iso)) : '');
  }, [locale]);
}

const SOURCE: Record<RoleHolder['source'], MessageKey> = {
  entra: 'source.entra',
  teams: 'source.teams',
  admin: 'source.admin',
  installer: 'source.installer',
};

export const sourceText = (t: I18n['t'], source: RoleHolder['source'], by?: string) => (source === 'admin' && by ? t('source.adminBy', { name: by }) : t(SOURCE[source]));

export const useAdminStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  fact: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0 },
  factLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  factValue: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  plain: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  actions: { display: 'flex', alignItems: 'flex-end', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
  table: { minWidth: '560px' },
  scroll: { overflowX: 'auto' },
  field: { flex: '1 1 240px', minWidth: 0, maxWidth: '420px' },
});
