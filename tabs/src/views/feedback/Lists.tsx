import { Badge } from '@fluentui/react-badge';
import { Link } from '@fluentui/react-link';
import { Tab, TabList } from '@fluentui/react-tabs';
import { Body1, Caption1, Subtitle2 } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useId, useMemo, useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { hrefFor } from '../../router';
import type { ContributorView, FeedbackState, OwnerView } from './api';
import { sentTo, shownAs } from './labels';
import { DueText, StateBadge, TopicBadge, fromText, weekText } from './parts';

/**
 * Feedback items as cards: the reader's inbox (items sent to them, or to senior leaders) and
 * what they gave. Each card's heading is a link to the item's conversation, so Tab walks the
 * list and Enter opens one.
 */
const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  heading: { margin: 0, fontWeight: tokens.fontWeightRegular },
  link: { overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  meta: { display: 'flex', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, flexWrap: 'wrap', color: tokens.colorNeutralForeground3 },
  filters: { maxWidth: '100%', overflowX: 'auto' },
  count: { marginInlineStart: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const EXCERPT = 160;
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text);

const INBOX_FILTERS = ['waiting', 'progress', 'closed', 'all'] as const;
type InboxFilter = (typeof INBOX_FILTERS)[number];
const FILTER_STATES: Record<InboxFilter, FeedbackState[]> = {
  waiting: ['open'],
  progress: ['acknowledged', 'acted'],
  closed: ['closed'],
  all: ['open', 'acknowledged', 'acted', 'closed'],
};
const FILTER_LABEL: Record<InboxFilter, MessageKey> = {
  waiting: 'fb.filter.waiting',
  progress: 'fb.filter.progress',
  closed: 'fb.filter.closed',
  all: 'fb.filter.all',
};

/** Items that wait on the reader, newest week first (the order the API gives). */
export function InboxList({ items, emptyText }: { items: OwnerView[]; emptyText: string }) {
  const { t } = useI18n();
  const s = useStyles();
  const [filter, setFilter] = useState<InboxFilter>(() => (items.some((i) => i.state === 'open') ? 'waiting' : 'all'));
  const counts = useMemo(() => Object.fromEntries(INBOX_FILTERS.map((f) => [f, items.filter((i) => FILTER_STATES[f].includes(i.state)).length])) as Record<InboxFilter, number>, [items]);
  const shown = items.filter((i) => FILTER_STATES[filter].includes(i.state));
  return (
    <>
      <TabList className={s.filters} size="small" selectedValue={filter} onTabSelect={(_, d) => setFilter(d.value as InboxFilter)} aria-label={t('fb.filterLabel')}>
        {INBOX_FILTERS.map((f) => (
          <Tab key={f} value={f} data-filter={f}>
            {t(FILTER_LABEL[f])}
            <span className={s.count}>{counts[f]}</span>
          </Tab>
        ))}
      </TabList>
      {shown.length === 0 ? (
        <Body1 className={s.muted}>{items.length ? t('fb.emptyFilter') : emptyText}</Body1>
      ) : (
        <ul className={s.list} aria-label={t('fb.inboxList')} data-testid="inbox">
          {shown.map((item) => (
            <li key={item.id}>
              <OwnerCard item={item} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function OwnerCard({ item }: { item: OwnerView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const id = useId();
  const lastFromContributor = item.entries[item.entries.length - 1]?.from === 'contributor';
  return (
    <article className={s.card} aria-labelledby={id} data-feedback-id={item.id} data-anonymous={item.anonymous}>
      <div className={s.badges}>
        <TopicBadge topic={item.topic} />
        <StateBadge state={item.state} />
        {item.audience === 'leaders' && (
          <Badge appearance="ghost" color="brand" shape="rounded">
            {t('fb.toLeaders')}
          </Badge>
        )}
        {lastFromContributor && item.state !== 'closed' && (
          <Badge appearance="filled" color="important" shape="rounded">
            {t('fb.answerWaiting')}
          </Badge>
        )}
      </div>
      <Subtitle2 as="h3" className={s.heading} id={id}>
        <Link href={hrefFor({ name: 'feedbackItem', id: item.id })} className={s.link}>
          {excerpt(item.text)}
        </Link>
      </Subtitle2>
      <div className={s.meta}>
        <Caption1 data-testid="from">{fromText(i18n, item)}</Caption1>
        <Caption1>{weekText(i18n, item.createdWeek)}</Caption1>
        <DueText item={item} />
        {item.pilot && <Caption1>{t('fb.about', { title: item.pilot.title })}</Caption1>}
        {item.owner?.name && item.audience === 'leaders' && <Caption1>{t('fb.takenBy', { name: item.owner.name })}</Caption1>}
        <Caption1>{i18n.plural('fb.entries', item.entries.length)}</Caption1>
      </div>
    </article>
  );
}

/** What the reader gave, with where it went and how it is shown. */
export function MineList({ items }: { items: ContributorView[] }) {
  const { t } = useI18n();
  const s = useStyles();
  if (!items.length) return <Body1 className={s.muted}>{t('fb.mineEmpty')}</Body1>;
  return (
    <ul className={s.list} aria-label={t('fb.mineList')} data-testid="mine">
      {items.map((item) => (
        <li key={item.id}>
          <ContributorCard item={item} />
        </li>
      ))}
    </ul>
  );
}

function ContributorCard({ item }: { item: ContributorView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const id = useId();
  const last = item.entries[item.entries.length - 1];
  return (
    <article className={s.card} aria-labelledby={id} data-feedback-id={item.id}>
      <div className={s.badges}>
        <TopicBadge topic={item.topic} />
        <StateBadge state={item.state} />
        {item.anonymous && (
          <Badge appearance="outline" color="informative" shape="rounded">
            {t('fb.anonymous')}
          </Badge>
        )}
        {last?.from === 'owner' && item.state !== 'closed' && (
          <Badge appearance="filled" color="brand" shape="rounded">
            {t('fb.newReply')}
          </Badge>
        )}
        {item.canConfirm && (
          <Badge appearance="filled" color="important" shape="rounded">
            {t('fb.confirmWaiting')}
          </Badge>
        )}
      </div>
      <Subtitle2 as="h3" className={s.heading} id={id}>
        <Link href={hrefFor({ name: 'feedbackItem', id: item.id })} className={s.link}>
          {excerpt(item.text)}
        </Link>
      </Subtitle2>
      <div className={s.meta}>
        <Caption1>
          {t('fb.sentToLabel')} <span>{sentTo(i18n, item)}</span>
        </Caption1>
        <Caption1>
          {t('fb.shownAsLabel')} <span>{shownAs(i18n, item)}</span>
        </Caption1>
        <Caption1>{weekText(i18n, item.createdWeek)}</Caption1>
        {item.pilot && <Caption1>{t('fb.about', { title: item.pilot.title })}</Caption1>}
        <Caption1>{i18n.plural('fb.entries', item.entries.length)}</Caption1>
      </div>
      {item.visibleFrom && <Caption1 className={s.muted}>{t('fb.visibleFrom', { date: i18n.date(item.visibleFrom) })}</Caption1>}
    </article>
  );
}
