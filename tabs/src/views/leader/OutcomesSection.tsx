import { Badge } from '@fluentui/react-badge';
import { Button } from '@fluentui/react-button';
import { Link } from '@fluentui/react-link';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-table';
import { Body1, Caption1, Subtitle2 } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useState } from 'react';
import { Section } from '../../components/Layout';
import { NumericHeaderCell } from '../../components/NumericHeaderCell';
import { useI18n } from '../../i18n';
import { hrefFor } from '../../router';
import type { PracticeOutcome } from './api';
import { OutcomeBars } from './OutcomeBars';

/**
 * Which practices get adopted, adapted or stopped across pilots, and what the teams learned.
 * The bars draw what the table beneath them states.
 */
const LEARNINGS_SHOWN = 3;

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  number: { fontVariantNumeric: 'tabular-nums', textAlign: 'end' },
  tableWrap: { overflowX: 'auto' },
  practices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, margin: 0, padding: 0, listStyleType: 'none' },
  practice: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  learnings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  learning: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  learningMeta: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  quote: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  heading: { margin: 0 },
});

const OUTCOME_COLOR = { adopted: 'success', adapted: 'brand', stopped: 'danger' } as const;

export default function OutcomesSection({ outcomes }: { outcomes: PracticeOutcome[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const name = (o: PracticeOutcome) => (o.practiceId === 'custom' ? t('leader.customPractice') : o.practiceName);
  if (!outcomes.length) {
    return (
      <Section>
        <Body1>{t('leader.noPilots')}</Body1>
      </Section>
    );
  }
  const withLearnings = outcomes.filter((o) => o.learnings.length);
  return (
    <>
      <Section title={t('outcomes.title')} id="outcomes">
        <Body1 className={s.muted}>{t('outcomes.intro')}</Body1>
        <OutcomeBars outcomes={outcomes} name={name} />
        <div className={s.tableWrap}>
          <Table className={s.table} aria-label={t('outcomes.table')} size="small" data-testid="outcomes-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('outcomes.practice')}</TableHeaderCell>
                <NumericHeaderCell>{t('outcome.short.adopted')}</NumericHeaderCell>
                <NumericHeaderCell>{t('outcome.short.adapted')}</NumericHeaderCell>
                <NumericHeaderCell>{t('outcome.short.stopped')}</NumericHeaderCell>
                <NumericHeaderCell>{t('outcomes.running')}</NumericHeaderCell>
                <NumericHeaderCell>{t('outcomes.kept')}</NumericHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {outcomes.map((o) => {
                const decided = o.adopted + o.adapted + o.stopped;
                return (
                  <TableRow key={o.practiceId} data-practice-id={o.practiceId}>
                    <TableCell>{name(o)}</TableCell>
                    <TableCell className={s.number}>{o.adopted}</TableCell>
                    <TableCell className={s.number}>{o.adapted}</TableCell>
                    <TableCell className={s.number}>{o.stopped}</TableCell>
                    <TableCell className={s.number}>{o.running}</TableCell>
                    <TableCell className={s.number}>{decided ? i18n.percent((o.adopted + o.adapted) / decided) : t('app.none')}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      </Section>
      <Section title={t('outcomes.learned')} id="learned">
        {withLearnings.length === 0 ? (
          <Body1 className={s.muted}>{t('outcomes.noLearnings')}</Body1>
        ) : (
          <ul className={s.practices}>
            {withLearnings.map((o) => (
              <PracticeLearnings key={o.practiceId} outcome={o} name={name(o)} />
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

function PracticeLearnings({ outcome, name }: { outcome: PracticeOutcome; name: string }) {
  const { t } = useI18n();
  const s = useStyles();
  const [all, setAll] = useState(false);
  const shown = all ? outcome.learnings : outcome.learnings.slice(0, LEARNINGS_SHOWN);
  return (
    <li className={s.practice} data-practice-id={outcome.practiceId}>
      <Subtitle2 as="h3" className={s.heading}>
        {name}
      </Subtitle2>
      <ul className={s.learnings}>
        {shown.map((l) => (
          <li key={l.pilotId} className={s.learning}>
            <span className={s.learningMeta}>
              <Badge appearance="tint" color={OUTCOME_COLOR[l.outcome]} shape="rounded" data-outcome={l.outcome}>
                {t(`outcome.short.${l.outcome}` as const)}
              </Badge>
              <Link href={hrefFor({ name: 'pilot', id: l.pilotId })}>{l.pilotTitle}</Link>
              <Caption1 className={s.muted}>{l.teamName}</Caption1>
            </span>
            <Body1 as="p" className={s.quote}>
              {l.learning}
            </Body1>
          </li>
        ))}
      </ul>
      {outcome.learnings.length > LEARNINGS_SHOWN && (
        <Button appearance="transparent" size="small" onClick={() => setAll((x) => !x)} aria-expanded={all}>
          {all ? t('outcomes.fewer') : t('outcomes.all', { count: outcome.learnings.length })}
        </Button>
      )}
    </li>
  );
}
