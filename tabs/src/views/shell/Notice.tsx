import { Body1, Title3 } from '@fluentui/react-text';
import { Button } from '@fluentui/react-button';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import type { ReactNode } from 'react';

/** A full-page message for states where the app itself can't show: not in Teams, sign-in failed. */
const useStyles = makeStyles({
  wrap: { display: 'flex', justifyContent: 'center', padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}` },
  card: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '640px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    alignItems: 'flex-start',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow8,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
  },
  title: { margin: 0 },
  body: { color: tokens.colorNeutralForeground2 },
});

export function Notice({ title, body, action, children }: { title: string; body?: string; action?: { label: string; onClick(): void }; children?: ReactNode }) {
  const s = useStyles();
  return (
    <main className={s.wrap}>
      <div className={s.card}>
        <Title3 as="h1" className={s.title}>
          {title}
        </Title3>
        {body && <Body1 className={s.body}>{body}</Body1>}
        {children}
        {action && (
          <Button appearance="primary" onClick={action.onClick}>
            {action.label}
          </Button>
        )}
      </div>
    </main>
  );
}
