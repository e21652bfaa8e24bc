import { Body1, Caption1 } from '@fluentui/react-text';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { BackLink } from '../../components/BackLink';
import { Page, PageHeader, Section } from '../../components/Layout';
import { useListStyles } from '../../components/listStyles';
import { NotLoaded } from '../../components/NotLoaded';
import { SuccessBar } from '../../components/SuccessBar';
import { useI18n, type MessageKey } from '../../i18n';
import { hrefFor } from '../../router';
import { useSession } from '../../session';
import { useLoad } from '../../useLoad';
import * as paths from './api';
import { ELEMENTS } from './api';
import { Coaching, ReviewForm, ReviewStatus } from './Coaching';
import type { Updated } from './PathSections';

/** A path someone shared with me: read, add coaching notes, and (as their coach) review readiness. */
export default function SharedPathView({ id }: { id: string }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const loaded = useLoad((signal) => paths.getPath(api, id, signal), [api, id]);
  const [notice, setNotice] = useState<MessageKey | undefined>();
  const back = <BackLink href={hrefFor({ name: 'path', id: 'me' })} label={t('path.back')} />;
  if (!loaded.data) return <NotLoaded back={back} loaded={loaded} />;
  const path = loaded.data;
  const updated: Updated = (next, key) => {
    loaded.set(next);
    setNotice(key);
  };
  return (
    <Page>
      {back}
      <PageHeader title={t('path.ofOwner', { name: path.owner.name })} subtitle={`${i18n.word(`level.${path.level}`)} — ${i18n.word(`level_about.${path.level}`)}`} />
      <Caption1 className={s.row}>
        <LockClosedRegular aria-hidden />
        {t('path.sharedWithYou', { name: path.owner.name, relation: t(`share.relation.${path.myRelation ?? 'peer'}`) })}
      </Caption1>
      {notice && <SuccessBar>{t(notice)}</SuccessBar>}
      <Section title={t('assess.title')} id="assessment">
        {path.assessment ? (
          <dl className={s.definitions} data-testid="ratings">
            {ELEMENTS.map((el) => (
              <div key={el} style={{ display: 'contents' }}>
                <dt className={s.term}>{i18n.word(`element.${el}`)}</dt>
                <dd className={s.definition}>{t('assess.rating', { value: path.assessment!.ratings[el] })}</dd>
              </div>
            ))}
            {path.assessment.note && (
              <>
                <dt className={s.term}>{t('assess.note')}</dt>
                <dd className={s.definition}>{path.assessment.note}</dd>
              </>
            )}
          </dl>
        ) : (
          <Body1 className={s.muted}>{t('assess.none')}</Body1>
        )}
      </Section>
      <Section title={t('goals.titlePlain')} id="goals">
        {path.goals.length === 0 ? (
          <Body1 className={s.muted}>{t('goals.none')}</Body1>
        ) : (
          <ul className={s.list}>
            {path.goals.map((g) => (
              <li key={g.id}>
                {g.text}
                {g.status === 'done' ? ` (${t('goals.done')})` : ''}
                {g.pilotTitle || g.circleName ? ` · ${t('goals.linked', { name: g.pilotTitle ?? g.circleName ?? '' })}` : ''}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Coaching path={path} onDone={updated} />
      <Section title={t('review.title')} id="review">
        <ReviewStatus path={path} />
        {path.can.review && <ReviewForm path={path} onDone={updated} />}
      </Section>
    </Page>
  );
}
