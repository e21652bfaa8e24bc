import { Body1, Subtitle2, Title3 } from '@fluentui/react-text';
import { makeStyles, mergeClasses } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import type { ReactNode } from 'react';

/** Page scaffolding shared by every view: width, spacing and heading hierarchy. */
const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    maxWidth: '1200px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL} ${tokens.spacingVerticalXXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    '@media (max-width: 600px)': { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}` },
  },
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
  },
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  section: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  sectionTitle: { margin: 0 },
});

export function Page({ children, className }: { children: ReactNode; className?: string }) {
  const s = useStyles();
  return <main className={mergeClasses(s.page, className)}>{children}</main>;
}

export function PageHeader({ title, subtitle, actions, badges }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; badges?: ReactNode }) {
  const s = useStyles();
  return (
    <header className={s.header}>
      <div className={s.heading}>
        <Title3 as="h1" className={s.title}>
          {title}
        </Title3>
        {badges}
        {subtitle && <Body1 className={s.subtitle}>{subtitle}</Body1>}
      </div>
      {actions && <div className={s.actions}>{actions}</div>}
    </header>
  );
}

export function Section({ title, children, className, id }: { title?: ReactNode; children: ReactNode; className?: string; id?: string }) {
  const s = useStyles();
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className={mergeClasses(s.section, className)} aria-labelledby={title ? headingId : undefined}>
      {title && (
        <Subtitle2 as="h2" id={headingId} className={s.sectionTitle}>
          {title}
        </Subtitle2>
      )}
      {children}
    </section>
  );
}
