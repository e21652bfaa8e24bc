import { Tab, TabList } from '@fluentui/react-tabs';
import { Body1 } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useId } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { Page, PageHeader, Section } from '../../components/Layout';
import { Loading } from '../../components/Loading';
import { useI18n, type MessageKey } from '../../i18n';
import { navigate, type FeedbackSection } from '../../router';
import { hasRole, useSession } from '../../session';
import { useLoad } from '../../useLoad';
import { feedbackInbox, getFeedbackOptions, myFeedback } from './api';
import { GiveFeedbackForm } from './GiveFeedbackForm';
import { InboxList, MineList } from './Lists';

/**
 * Feedback for everyone: give it (to one's manager or to senior leaders, named or anonymous),
 * follow what one gave, and, for managers, the inbox of items sent to them. Its own chunk.
 */
const useStyles = makeStyles({
  tabs: { maxWidth: '100%', overflowX: 'auto' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const LABEL: Record<FeedbackSection, MessageKey> = { give: 'fb.tab.give', mine: 'fb.tab.mine', inbox: 'fb.tab.inbox' };

export default function FeedbackView({ section }: { section: FeedbackSection }) {
  const { me } = useSession();
  const { t } = useI18n();
  const s = useStyles();
  const ids = useId();
  const hasInbox = hasRole(me, 'manager', 'leader', 'admin');
  const sections: FeedbackSection[] = hasInbox ? ['give', 'mine', 'inbox'] : ['give', 'mine'];
  const current = sections.includes(section) ? section : 'give';
  return (
    <Page>
      <PageHeader title={t('fb.title')} subtitle={t('fb.subtitle')} />
      <TabList className={s.tabs} selectedValue={current} onTabSelect={(_, d) => navigate({ name: 'feedback', section: d.value as FeedbackSection })} aria-label={t('fb.sections')}>
        {sections.map((sec) => (
          <Tab key={sec} value={sec} id={`${ids}-${sec}`} data-section={sec}>
            {t(LABEL[sec])}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-labelledby={`${ids}-${current}`} className={s.panel}>
        {current === 'give' && <GiveSection />}
        {current === 'mine' && <MineSection />}
        {current === 'inbox' && <InboxSection />}
      </div>
    </Page>
  );
}

function GiveSection() {
  const { api } = useSession();
  const { t } = useI18n();
  const options = useLoad((signal) => getFeedbackOptions(api, signal), [api]);
  return (
    <Section title={t('fb.give.title')} id="give">
      {options.error && <ErrorBar error={options.error} onRetry={options.reload} />}
      {options.loading && !options.data && <Loading />}
      {options.data && <GiveFeedbackForm options={options.data} />}
    </Section>
  );
}

function MineSection() {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useStyles();
  const mine = useLoad((signal) => myFeedback(api, signal), [api]);
  return (
    <Section title={t('fb.mine.title')} id="mine">
      <Body1 className={s.muted}>{t('fb.mine.intro')}</Body1>
      {mine.error && <ErrorBar error={mine.error} onRetry={mine.reload} />}
      {mine.loading && !mine.data && <Loading />}
      {mine.data && <MineList items={mine.data} />}
    </Section>
  );
}

function InboxSection() {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useStyles();
  const inbox = useLoad((signal) => feedbackInbox(api, signal), [api]);
  return (
    <Section title={t('fb.inbox.title')} id="inbox">
      <Body1 className={s.muted}>{t('fb.inbox.intro')}</Body1>
      {inbox.error && <ErrorBar error={inbox.error} onRetry={inbox.reload} />}
      {inbox.loading && !inbox.data && <Loading />}
      {inbox.data && <InboxList items={inbox.data} emptyText={t('fb.inbox.empty')} />}
    </Section>
  );
}
