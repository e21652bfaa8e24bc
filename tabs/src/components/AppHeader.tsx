import { PersonSwapRegular } from '@fluentui/react-icons';
import { Initials } from './Initials';
import { Button } from '@fluentui/react-button';
import { Tab, TabList } from '@fluentui/react-tabs';
import { Text } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { navigate } from '../router';
import { circlesNav, circlesNavLabels, circlesPreload, type CirclesArea } from '../circles/routes';
import { hasRole, useSession } from '../session';
import { useI18n } from '../i18n';

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

/** The part of the app a view belongs to (a pilot opened from the leader view is in 'leader'). */
export type NavArea = 'pilots' | 'feedback' | 'leader' | CirclesArea;

// The leader view and feedback are separate chunks: start fetching when the pointer or focus arrives.
const preload: Record<NavArea, (() => unknown) | undefined> = {
  pilots: undefined,
  feedback: () => import('../views/FeedbackView'),
  leader: () => import('../views/leader/LeaderView'),
  ...circlesPreload,
};

export function AppHeader({ area }: { area: NavArea }) {
  const { me, host, switchUser } = useSession();
  const { t, language } = useI18n();
  const s = useStyles();
  const leader = hasRole(me, 'leader', 'admin');
  const areas: NavArea[] = leader ? ['pilots', 'feedback', 'leader'] : ['pilots', 'feedback'];
  areas.splice(1, 0, ...circlesNav.map((n) => n.area));
  const label: Record<NavArea, string> = { pilots: t('nav.myPilots'), feedback: t('nav.feedback'), leader: t('nav.leader'), ...circlesNavLabels(language) };
  const go = (a: NavArea) => navigate(circlesNav.find((n) => n.area === a)?.route ?? (a === 'leader' ? { name: 'leader', section: 'pilots', filter: {} } : a === 'feedback' ? { name: 'feedback', section: 'give' } : { name: 'pilots' }));
  return (
    <header className={s.bar}>
      {host.kind === 'browser' && <Text className={s.brand}>{t('app.name')}</Text>}
      <nav className={s.nav} aria-label={t('nav.label')}>
        <TabList selectedValue={area} onTabSelect={(_, d) => go(d.value as NavArea)} size="medium" className={s.tabs}>
          {areas.map((a) => (
            <Tab key={a} value={a} data-nav={a} className={s.tab} onPointerEnter={preload[a]} onFocus={preload[a]}>
              {label[a]}
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
