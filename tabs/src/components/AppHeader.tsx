import { Avatar } from '@fluentui/react-avatar';
import { Button } from '@fluentui/react-button';
import { Tab, TabList } from '@fluentui/react-tabs';
import { Text } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { navigate, type Route } from '../router';
import { hasRole, useSession } from '../session';
import { useI18n } from '../i18n';

/** Top bar: the app's views on the left, who is signed in on the right. */
const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `0 ${tokens.spacingHorizontalXXL}`,
    minHeight: '48px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 600px)': { padding: `0 ${tokens.spacingHorizontalM}` },
  },
  brand: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1, whiteSpace: 'nowrap' },
  nav: { flexGrow: 1, minWidth: 0 },
  user: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, whiteSpace: 'nowrap' },
  name: { '@media (max-width: 600px)': { display: 'none' } },
});

export function AppHeader({ route }: { route: Route }) {
  const { me, host, switchUser } = useSession();
  const { t } = useI18n();
  const s = useStyles();
  const leader = hasRole(me, 'leader', 'admin');
  const selected = route.name === 'leader' ? 'leader' : 'pilots';
  // Teams already frames the tab with the app's name and the user; only navigation earns a bar there.
  if (host.kind === 'teams' && !leader) return null;
  return (
    <div className={s.bar}>
      {host.kind === 'browser' && <Text className={s.brand}>{t('app.name')}</Text>}
      <nav className={s.nav} aria-label={t('nav.label')}>
        {leader && (
          <TabList selectedValue={selected} onTabSelect={(_, d) => navigate({ name: d.value === 'leader' ? 'leader' : 'pilots' })} size="medium">
            <Tab value="pilots">{t('nav.myPilots')}</Tab>
            <Tab value="leader">{t('nav.allPilots')}</Tab>
          </TabList>
        )}
      </nav>
      <span className={s.user}>
        <Avatar name={me.user.name} size={28} color="colorful" aria-hidden="true" />
        <Text className={s.name} data-testid="signed-in-user">
          {me.user.name}
        </Text>
        {switchUser && (
          <Button appearance="subtle" size="small" onClick={switchUser}>
            {t('signIn.switchUser')}
          </Button>
        )}
      </span>
    </div>
  );
}
