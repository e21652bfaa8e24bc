import { Link } from '@fluentui/react-link';
import { Caption1 } from '@fluentui/react-text';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { LabelBadge } from '../../components/LabelBadge';
import { Page, PageHeader, Section } from '../../components/Layout';
import { useListStyles } from '../../components/listStyles';
import { Loading } from '../../components/Loading';
import { SuccessBar } from '../../components/SuccessBar';
import { useI18n, type MessageKey } from '../../i18n';
import { hrefFor } from '../../router';
import { useSession } from '../../session';
import { useLoad } from '../../useLoad';
import * as paths from './api';
import { Coaching, Review } from './Coaching';
import { Assessment, ChooseLevel, Goals, Sharing, type Updated } from './PathSections';
import SharedPathView from './SharedPathView';

/**
 * A development path. `#/paths/me` is the reader's own (level, self-assessment, goals, sharing,
 * coaching notes, readiness review) plus the paths others shared with them; `#/paths/<id>` is a
 * path shared with the reader, as their coach sees it. Private by construction: the API answers
 * 404 for a path not shared with the reader, and that is all this view shows.
 */
export default function PathView({ id }: { id: string }) {
  const { me } = useSession();
  if (id === 'me' || id === `path:${me.user.id}`) return <MyPath />;
  return <SharedPathView id={id} />;
}

function MyPath() {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const loaded = useLoad((signal) => paths.myPath(api, signal), [api]);
  const options = useLoad((signal) => paths.pathOptions(api, signal), [api]);
  const [notice, setNotice] = useState<MessageKey | undefined>();
  const updated: Updated = (next, key) => {
    loaded.set(next);
    setNotice(key);
  };

  return (
    <Page>
      <PageHeader title={t('path.title')} subtitle={t('path.subtitle')} actions={<Link href={hrefFor({ name: 'lessons' })}>{t('lessons.link')}</Link>} />
      <Caption1 className={s.row} data-testid="privacy">
        <LockClosedRegular aria-hidden />
        {t('path.private')}
      </Caption1>
      {notice && <SuccessBar>{t(notice)}</SuccessBar>}
      {loaded.loading && loaded.data === undefined && <Loading />}
      {loaded.error && <ErrorBar plain error={loaded.error} onRetry={loaded.reload} />}
      {loaded.data === null && <ChooseLevel onDone={updated} />}
      {loaded.data && (
        <>
          <ChooseLevel path={loaded.data} onDone={updated} />
          <Assessment path={loaded.data} onDone={updated} />
          {options.data && <Goals path={loaded.data} options={options.data} onDone={updated} />}
          {options.data && <Sharing path={loaded.data} options={options.data} onDone={updated} />}
          <Coaching path={loaded.data} onDone={updated} />
          <Review path={loaded.data} onDone={updated} />
        </>
      )}
      <SharedWithMe />
    </Page>
  );
}

function SharedWithMe() {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const shared = useLoad((signal) => paths.sharedPaths(api, signal), [api]);
  if (!shared.data?.length) return null;
  return (
    <Section title={t('shared.title')} id="shared">
      <ul className={s.list} data-testid="shared-paths">
        {shared.data.map((p) => (
          <li key={p.id} className={s.row}>
            <Link href={hrefFor({ name: 'path', id: p.id })}>{t('shared.entry', { name: p.owner.name })}</Link>
            <span className={s.muted}>{i18n.word(`level.${p.level}`)}</span>
            <LabelBadge label={t(`share.relation.${p.myRelation}`)} color="informative" />
            {p.review?.status === 'requested' && <LabelBadge label={t('shared.reviewAsked')} color="warning" />}
          </li>
        ))}
      </ul>
    </Section>
  );
}
