import { PersonSwapRegular } from '@fluentui/react-icons';
import { Button } from '@fluentui/react-button';
import { Tab, TabList } from '@fluentui/react-tabs';
import { Text } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { Initials } from '../../components/Initials';
import { useI18n, type MessageKey } from '../../i18n';
import { AREAS, areaHome, navigate, type Area } from '../../router';
import { hasRole, useSession } from '../../session';
import { preloadRoute } from '../chunks';
import { stringsOf } from '../strings';

/** Top bar: the app's views on the left, who is signed in on the right (Teams shows the user itself). */
const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `0 ${tokens.spacingHorizontalXXL}`,
    minHeight: '48px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 600px)': { padding: `0 ${tokens.spacingHorizontalM}`, gap: tokens.spacingHorizontalS },
  },
  brand: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1, whiteSpace: 'nowrap', '@media (max-width: 600px)': { display: 'none' } },
  nav: { flexGrow: 1, minWidth: 0 },
  tabs: { overflowX: 'auto', maxWidth: '100%' },
  tab: { '@media (max-width: 420px)': { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS } },
  user: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, whiteSpace: 'nowrap' },
  name: { '@media (max-width: 600px)': { display: 'none' } },
  // Standalone, narrow: the switch button is enough; the navigation needs the room.
  avatar: { display: 'inline-flex', '@media (max-width: 420px)': { display: 'none' } },
});

const LABEL: Record<Area, MessageKey> = {
  pilots: 'nav.myPilots',
  circles: 'nav.circles',
  stories: 'nav.stories',
  projects: 'nav.projects',
  path: 'nav.path',
  feedback: 'nav.feedback',
  leader: 'nav.leader',
  preferences: 'nav.preferences',
  pulse: 'nav.pulse',
  admin: 'nav.admin',
};

/** `area`: the part of the app the view belongs to (a pilot opened from the leader view is in 'leader'). */
export function AppHeader({ area }: { area: Area }) {
  const { me, host, switchUser } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const areas = AREAS.filter((a) => (a === 'leader' ? hasRole(me, 'leader', 'admin') : a === 'admin' ? hasRole(me, 'admin') : a === 'pulse' ? hasRole(me, 'manager') && !hasRole(me, 'leader', 'admin') : true));
  // Views in chunks of their own start downloading when the pointer or focus reaches their tab,
  // with the strings they read that the first download does not have.
  const preload = (a: Area) => () => {
    const home = areaHome(a);
    preloadRoute(home);
    for (const area of stringsOf(home)) i18n.area(area).catch(() => undefined);
  };
  return (
    <header className={s.bar}>
      {host.kind === 'browser' && <Text className={s.brand}>{t('app.name')}</Text>}
      <nav className={s.nav} aria-label={t('nav.label')}>
        <TabList selectedValue={area} onTabSelect={(_, d) => navigate(areaHome(d.value as Area))} size="medium" className={s.tabs}>
          {areas.map((a) => (
            <Tab key={a} value={a} data-nav={a} className={s.tab} onPointerEnter={preload(a)} onFocus={preload(a)}>
              {t(LABEL[a])}
            </Tab>
          ))}
        </TabList>
      </nav>
      <span className={s.user}>
        <span className={s.avatar}>
          <Initials name={me.user.name} size={28} />
        </span>
        <Text className={s.name} data-testid="signed-in-user">
          {me.user.name}
        </Text>
        {switchUser && (
          <Button appearance="subtle" size="small" onClick={switchUser} icon={<PersonSwapRegular />} aria-label={t('signIn.switchUser')}>
            <span className={s.name}>{t('signIn.switchUser')}</span>
          </Button>
        )}
      </span>
    </header>
  );
}
