import { Badge } from '@fluentui/react-badge';
import { Button } from '@fluentui/react-button';
import { Link } from '@fluentui/react-link';
import { Body1 } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { Page, PageHeader, Section } from '../../components/Layout';
import { Loading } from '../../components/Loading';
import { SuccessBar } from '../../components/SuccessBar';
import { useI18n, type MessageKey } from '../../i18n';
import { hrefFor, type Route } from '../../router';
import { useSession } from '../../session';
import { useLoad } from '../../useLoad';
import { ContributorActions, OwnerActions } from './Actions';
import { getFeedbackItem, type FeedbackItemResult, type ContributorView, type OwnerView } from './api';
import { sentTo, shownAs, topicText } from './labels';
import { DueText, StateBadge, Thread, fromText, weekText } from './parts';

/**
 * One feedback item and its conversation, as the API shows it to this reader: its owner (the
 * manager it went to, or a senior leader) or the person who gave it. Anyone else gets "not
 * found", exactly as for an id that does not exist.
 */
const useStyles = makeStyles({
  back: { alignSelf: 'flex-start' },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  quote: {
    margin: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  definitions: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  definition: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export default function FeedbackItemView({ id, backTo }: { id: string; backTo?: Route }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useStyles();
  const loaded = useLoad((signal) => getFeedbackItem(api, id, signal), [api, id]);
  const [notice, setNotice] = useState<MessageKey | undefined>();

  const role = loaded.data?.role;
  const back = backTo ?? { name: 'feedback', section: role === 'owner' ? 'inbox' : 'mine' };
  const backButton = (
    <Button as="a" href={hrefFor(back)} appearance="subtle" icon={<ArrowLeftRegular />} className={s.back}>
      {back.name === 'leader' ? t('fb.backToLeader') : t('fb.back')}
    </Button>
  );

  if (!loaded.data) {
    return (
      <Page>
        {backButton}
        {loaded.loading && <Loading />}
        {loaded.error && <ErrorBar error={loaded.error} onRetry={loaded.reload} notFound={t('fb.notFound')} />}
      </Page>
    );
  }
  const result = loaded.data;
  const updated = (next: FeedbackItemResult, message: MessageKey) => {
    loaded.set(next);
    setNotice(message);
  };

  return (
    <Page>
      {backButton}
      {notice && <SuccessBar>{t(notice)}</SuccessBar>}
      {result.role === 'owner' ? (
        <OwnerItem item={result.item} onUpdated={(item, m) => updated({ role: 'owner', item }, m)} />
      ) : (
        <ContributorItem item={result.item} onUpdated={(item, m) => updated({ role: 'contributor', item }, m)} />
      )}
    </Page>
  );
}

function ItemHeader({ item, extra }: { item: OwnerView | ContributorView; extra?: React.ReactNode }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  return (
    <PageHeader
      title={t('fb.itemTitle', { topic: topicText(i18n, item.topic) })}
      badges={
        <div className={s.badges}>
          <StateBadge state={item.state} />
          {item.anonymous && (
            <Badge appearance="outline" color="informative" shape="rounded">
              {t('fb.anonymous')}
            </Badge>
          )}
          {extra}
        </div>
      }
    />
  );
}

function OwnerItem({ item, onUpdated }: { item: OwnerView; onUpdated(item: OwnerView, m: MessageKey): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  return (
    <>
      <ItemHeader item={item} extra={item.audience === 'leaders' ? <Badge appearance="ghost" color="brand">{t('fb.toLeaders')}</Badge> : undefined} />
      <Section title={t('fb.what')} id="what">
        <Body1 as="p" className={s.quote} data-testid="feedback-text">
          {item.text}
        </Body1>
        <dl className={s.definitions}>
          <dt className={s.term}>{t('fb.fromLabel')}</dt>
          <dd className={s.definition} data-testid="from">
            {fromText(i18n, item)}
          </dd>
          <dt className={s.term}>{t('fb.whenLabel')}</dt>
          <dd className={s.definition}>{weekText(i18n, item.createdWeek)}</dd>
          {item.state !== 'closed' && (
            <>
              <dt className={s.term}>{t('fb.dueLabel')}</dt>
              <dd className={s.definition}>
                <DueText item={item} bare />
              </dd>
            </>
          )}
          {item.pilot && (
            <>
              <dt className={s.term}>{t('fb.pilotLabel')}</dt>
              <dd className={s.definition}>
                <Link href={hrefFor({ name: 'pilot', id: item.pilot.id })}>{item.pilot.title}</Link>
              </dd>
            </>
          )}
          {item.owner?.name && (
            <>
              <dt className={s.term}>{t('fb.ownerLabel')}</dt>
              <dd className={s.definition}>{item.owner.name}</dd>
            </>
          )}
          {item.contributorVerdict && (
            <>
              <dt className={s.term}>{t('fb.verdictLabel')}</dt>
              <dd className={s.definition}>{item.contributorVerdict === 'closed' ? t('fb.verdict.closed') : t('fb.verdict.notClosed')}</dd>
            </>
          )}
        </dl>
        {item.anonymous && <Body1 className={s.muted}>{t('fb.anonymousOwnerNote')}</Body1>}
      </Section>
      <Section title={t('fb.conversation')} id="conversation">
        <Thread entries={item.entries} viewer="owner" item={item} />
      </Section>
      <Section title={t('fb.next')} id="next">
        <OwnerActions item={item} onUpdated={onUpdated} />
      </Section>
    </>
  );
}

function ContributorItem({ item, onUpdated }: { item: ContributorView; onUpdated(item: ContributorView, m: MessageKey): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  return (
    <>
      <ItemHeader item={item} />
      <Section title={t('fb.whatYouSaid')} id="what">
        <Body1 as="p" className={s.quote} data-testid="feedback-text">
          {item.text}
        </Body1>
        <dl className={s.definitions}>
          <dt className={s.term}>{t('fb.sentToLabel')}</dt>
          <dd className={s.definition}>
            <span>{sentTo(i18n, item)}</span>
          </dd>
          <dt className={s.term}>{t('fb.shownAsLabel')}</dt>
          <dd className={s.definition}>
            <span>{shownAs(i18n, item)}</span>
          </dd>
          <dt className={s.term}>{t('fb.whenLabel')}</dt>
          <dd className={s.definition}>{weekText(i18n, item.createdWeek)}</dd>
          {item.pilot && (
            <>
              <dt className={s.term}>{t('fb.pilotLabel')}</dt>
              <dd className={s.definition}>
                <Link href={hrefFor({ name: 'pilot', id: item.pilot.id })}>{item.pilot.title}</Link>
              </dd>
            </>
          )}
        </dl>
        {item.visibleFrom && <Body1 className={s.muted}>{t('fb.visibleFrom', { date: i18n.date(item.visibleFrom) })}</Body1>}
        {item.rerouted && <Body1 className={s.muted}>{t('fb.reroutedNote')}</Body1>}
      </Section>
      <Section title={t('fb.conversation')} id="conversation">
        <Thread entries={item.entries} viewer="contributor" item={item} />
      </Section>
      <Section title={t('fb.next')} id="next">
        <ContributorActions item={item} onUpdated={onUpdated} />
      </Section>
    </>
  );
}
