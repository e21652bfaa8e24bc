import { Badge, type BadgeProps } from '@fluentui/react-badge';
import { Caption1, Text } from '@fluentui/react-text';
import { makeStyles, mergeClasses } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useI18n, type I18n, type MessageKey } from '../../i18n';
import type { ContributorView, FeedbackState, FeedbackTopic, OwnerView, ViewEntry } from './api';
import { stateKey, topicText } from './labels';

/** Small pieces every feedback view shares: badges, who it is from, dates, the thread. */
const useStyles = makeStyles({
  thread: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    maxWidth: '640px',
  },
  fromOwner: { backgroundColor: tokens.colorNeutralBackground3 },
  fromContributor: { backgroundColor: tokens.colorBrandBackground2, alignSelf: 'flex-end' },
  entryMeta: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'baseline' },
  muted: { color: tokens.colorNeutralForeground3 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const STATE_LOOK: Record<FeedbackState, Pick<BadgeProps, 'color' | 'appearance'>> = {
  open: { color: 'important', appearance: 'tint' },
  acknowledged: { color: 'brand', appearance: 'tint' },
  acted: { color: 'success', appearance: 'tint' },
  closed: { color: 'subtle', appearance: 'tint' },
};

export function StateBadge({ state }: { state: FeedbackState }) {
  const { t } = useI18n();
  return (
    <Badge shape="rounded" {...STATE_LOOK[state]} data-state={state}>
      {t(stateKey(state))}
    </Badge>
  );
}

export function TopicBadge({ topic }: { topic: FeedbackTopic }) {
  const i18n = useI18n();
  return (
    <Badge shape="rounded" appearance="outline" color="informative" data-topic={topic}>
      {topicText(i18n, topic)}
    </Badge>
  );
}

/** Who an owner sees it from: a name for named items, only a group for anonymous ones. */
export function fromText(i18n: I18n, item: Pick<OwnerView, 'from' | 'anonymous'>): string {
  if ('group' in item.from) return i18n.t('fb.from.anonymous', { group: i18n.group(item.from.group) });
  const name = item.from.name ?? i18n.t('fb.someone');
  return item.from.team ? i18n.t('fb.from.namedTeam', { name, team: item.from.team }) : name;
}

export const weekText = (i18n: I18n, week: string) => i18n.t('fb.weekOf', { date: i18n.date(week) });

export const isOverdue = (item: { state: FeedbackState; dueDate: string }, today = new Date().toISOString().slice(0, 10)) => item.state !== 'closed' && item.dueDate < today;

/** When an answer is due; `bare` drops the "Answer by" wording where a label already says it. */
export function DueText({ item, bare }: { item: { state: FeedbackState; dueDate: string }; bare?: boolean }) {
  const i18n = useI18n();
  const s = useStyles();
  if (item.state === 'closed') return null;
  const overdue = isOverdue(item);
  const date = i18n.date(item.dueDate);
  const text = bare ? (overdue ? i18n.t('fb.overdueShort', { date }) : date) : overdue ? i18n.t('fb.overdue', { date }) : i18n.t('fb.due', { date });
  return bare ? (
    <span className={overdue ? s.overdue : undefined} data-overdue={overdue || undefined}>
      {text}
    </span>
  ) : (
    <Caption1 className={overdue ? s.overdue : s.muted} data-overdue={overdue || undefined}>
      {text}
    </Caption1>
  );
}

const ENTRY_KIND: Record<ViewEntry['kind'], MessageKey> = {
  reply: 'fb.entry.reply',
  acknowledged: 'fb.entry.acknowledged',
  acted: 'fb.entry.acted',
  closed: 'fb.entry.closed',
  confirmed: 'fb.entry.confirmed',
  reopened: 'fb.entry.reopened',
};

/**
 * The conversation. Owner entries carry the owner's name; the contributor's carry nothing the
 * API did not send: "You" to the contributor, their name to the owner of a named item, and to
 * the owner of an anonymous item only "Anonymous colleague".
 */
export function Thread({ entries, viewer, item }: { entries: ViewEntry[]; viewer: 'owner' | 'contributor'; item: OwnerView | ContributorView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  if (!entries.length) return <Text className={s.muted}>{t('fb.noEntries')}</Text>;
  const contributorName = () => {
    if (viewer === 'contributor') return t('fb.you');
    const from = (item as OwnerView).from;
    return 'group' in from ? t('fb.anonymousColleague') : (from.name ?? t('fb.someone'));
  };
  return (
    <ol className={s.thread} aria-label={t('fb.conversation')} data-testid="thread">
      {entries.map((e, i) => {
        const who = e.from === 'owner' ? (viewer === 'owner' && !e.name ? t('fb.you') : (e.name ?? t('fb.owner'))) : contributorName();
        return (
          <li key={i} className={mergeClasses(s.entry, e.from === 'owner' ? s.fromOwner : s.fromContributor)} data-entry-from={e.from} data-entry-kind={e.kind}>
            <span className={s.entryMeta}>
              <Text weight="semibold">{who}</Text>
              <Caption1 className={s.muted}>
                {t(ENTRY_KIND[e.kind])} · {weekText(i18n, e.week)}
                {e.pending && <span data-testid="entry-pending"> · {t('fb.entry.pending')}</span>}
              </Caption1>
            </span>
            {e.text && (
              <Text as="p" className={s.text}>
                {e.text}
              </Text>
            )}
          </li>
        );
      })}
    </ol>
  );
}
