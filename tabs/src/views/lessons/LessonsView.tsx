import { Button } from '@fluentui/react-button';
import { Field } from '@fluentui/react-field';
import { Select } from '@fluentui/react-select';
import { Body1, Caption1, Subtitle2 } from '@fluentui/react-text';
import { useEffect, useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { useSubmit } from '../../components/forms';
import { LabelBadge } from '../../components/LabelBadge';
import { Page, PageHeader, Section } from '../../components/Layout';
import { useListStyles } from '../../components/listStyles';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { useLoad } from '../../useLoad';
import { LEADERSHIP_LEVELS, lessonReach, listLessons, markLessonRead, type LessonView } from './api';

const PRACTICES = 'practices';

/**
 * Leadership lessons in the reader's language: filtered by level (or those for practices), the
 * one a card linked to first; readers mark them read; senior leaders and admins see reach as counts.
 */
export default function LessonsView({ openId, level }: { openId?: string; level?: string }) {
  const { api, me } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const apiLevel = level && level !== PRACTICES ? level : undefined;
  const lessons = useLoad((signal) => listLessons(api, { level: apiLevel, locale: i18n.language }, signal), [api, apiLevel, i18n.language]);
  const shown = (lessons.data ?? []).filter((l) => level !== PRACTICES || !!l.practiceId);
  const ordered = openId ? [...shown.filter((l) => l.id === openId), ...shown.filter((l) => l.id !== openId)] : shown;
  useEffect(() => {
    if (openId && lessons.data) document.getElementById(`lesson-${openId}`)?.scrollIntoView?.({ block: 'start' });
  }, [openId, lessons.data]);
  return (
    <Page>
      <PageHeader title={t('lessons.title')} subtitle={t('lessons.subtitle')} />
      <Section title={t('lessons.title')} id="lessons">
        <div className={s.inline}>
          <Field label={t('lessons.level')}>
            <Select value={level ?? ''} onChange={(_, d) => navigate({ name: 'lessons', ...(d.value ? { level: d.value } : {}) })}>
              <option value="">{t('lessons.anyLevel')}</option>
              {LEADERSHIP_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`lessons.level.${l}`)}
                </option>
              ))}
              <option value={PRACTICES}>{t('lessons.practiceLessons')}</option>
            </Select>
          </Field>
        </div>
        {lessons.loading && !lessons.data && <Loading />}
        {lessons.error && <ErrorBar plain error={lessons.error} onRetry={lessons.reload} />}
        {lessons.data && ordered.length === 0 && <Body1>{t('lessons.none')}</Body1>}
        {ordered.length > 0 && (
          <ul className={s.list} data-testid="lessons">
            {ordered.map((l) => (
              <LessonCard key={l.id} lesson={l} />
            ))}
          </ul>
        )}
      </Section>
      {hasRole(me, 'leader', 'admin') && <Reach />}
    </Page>
  );
}

function LessonCard({ lesson }: { lesson: LessonView }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const submit = useSubmit();
  const [read, setRead] = useState(lesson.read);
  return (
    <li className={s.item} id={`lesson-${lesson.id}`} data-lesson-id={lesson.id} data-read={read}>
      <Subtitle2 as="h3" style={{ margin: 0 }}>
        {lesson.title}
      </Subtitle2>
      <div className={s.row}>
        {lesson.level && <LabelBadge label={t(`lessons.level.${lesson.level}`)} color="brand" />}
        <Caption1 className={s.muted}>{t('lessons.minutes', { minutes: lesson.minutes })}</Caption1>
      </div>
      {/* The server renders lessons with raw HTML off and https links only. */}
      <div className={s.text} dangerouslySetInnerHTML={{ __html: lesson.html }} />
      {submit.error && <ErrorBar plain error={submit.error} />}
      <div className={s.actions}>
        {read ? (
          <LabelBadge label={t('lessons.read')} color="success" testId="lesson-read" />
        ) : (
          <Button
            disabled={submit.busy}
            onClick={async () => {
              if (await submit.run(() => ({}), () => markLessonRead(api, lesson.id, i18n.language))) setRead(true);
            }}
          >
            {t('lessons.markRead')}
          </Button>
        )}
      </div>
    </li>
  );
}

function Reach() {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const reach = useLoad((signal) => lessonReach(api, i18n.language, signal), [api, i18n.language]);
  return (
    <Section title={t('lessons.reach')} id="reach">
      <Body1 className={s.muted}>{t('lessons.reachHint')}</Body1>
      {reach.loading && !reach.data && <Loading />}
      {reach.error && <ErrorBar plain error={reach.error} onRetry={reach.reload} />}
      {reach.data && (
        <ul className={s.list} data-testid="reach">
          {reach.data.map((r) => (
            <li key={r.lessonId} className={s.row} data-lesson-id={r.lessonId}>
              <span>{r.title}</span>
              <span className={s.muted}>{i18n.plural('lessons.readers', r.readers)}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
