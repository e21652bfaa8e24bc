import { Button } from '@fluentui/react-button';
import { Caption1, Text } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { Initials } from '../../components/Initials';
import { useI18n } from '../../i18n';
import type { DemoUser } from './api';
import { Notice } from './Notice';

/** Standalone demo only: pick who to be. The server offers this list only with DEMO_SIGN_IN on. */
const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    width: '100%',
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingVerticalXS,
  },
  user: { width: '100%', justifyContent: 'flex-start', gap: tokens.spacingHorizontalM, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
  who: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', textAlign: 'start' },
  roles: { color: tokens.colorNeutralForeground3 },
});

export function DemoSignIn({ users, onPick }: { users: DemoUser[]; onPick(user: DemoUser): void }) {
  const { t } = useI18n();
  const s = useStyles();
  return (
    <Notice title={t('signIn.title')} body={t('signIn.intro')}>
      <ul className={s.list}>
        {users.map((u) => {
          const roles = u.roles.map((r) => t(`role.${r}` as const)).join(', ');
          return (
            <li key={u.id}>
              <Button appearance="subtle" className={s.user} onClick={() => onPick(u)} aria-label={`${u.name}, ${roles}`}>
                <Initials name={u.name} size={32} />
                <span className={s.who}>
                  <Text weight="semibold">{u.name}</Text>
                  <Caption1 className={s.roles}>{roles}</Caption1>
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
    </Notice>
  );
}
