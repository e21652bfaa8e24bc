import { Badge } from '@fluentui/react-badge';
import { Button } from '@fluentui/react-button';
import { MessageBar, MessageBarBody } from '@fluentui/react-message-bar';
import { Body1, Caption1, Subtitle2 } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { AddRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useState } from 'react';
import { localizedPractice } from '../../../../domain/practices/model';
import { ErrorBar } from '../../components/ErrorBar';
import { errorText } from '../../components/errorText';
import { Page, PageHeader, Section } from '../../components/Layout';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { hasRole, useSession } from '../../session';
import { toApiError, useLoad } from '../../useLoad';
import { decideProposal, listProposals, loadManagedLibrary, setRetired, type ManagedPractice } from './api';

const PracticeFormDialog = lazy(() => import('./PracticeFormDialog'));

/**
 * The practice library as managed content (admins only): add, edit, translate, retire and restore
 * practices, and decide on practices managers propose from their finished pilots.
 */
const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: 0 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  meta: { color: tokens.colorNeutralForeground3 },
});

export default function PracticesView() {
  const { api, me } = useSession();
  const i18n = useI18n();
  const { t, language } = i18n;
  const s = useStyles();
  const admin = hasRole(me, 'admin');
  const library = useLoad((signal) => (admin ? loadManagedLibrary(api, signal) : Promise.resolve(undefined)), [api, admin]);
  const proposals = useLoad((signal) => (admin ? listProposals(api, signal) : Promise.resolve([])), [api, admin]);
  const [editing, setEditing] = useState<{ practice?: ManagedPractice } | undefined>();
  const [problem, setProblem] = useState<string>();

  if (!admin) {
    return (
      <Page>
        <PageHeader title={t('lib.title')} />
        <MessageBar intent="info">
          <MessageBarBody>{t('lib.adminsOnly')}</MessageBarBody>
        </MessageBar>
      </Page>
    );
  }

  const act = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await work();
      library.reload();
      proposals.reload();
    } catch (err) {
      setProblem(errorText(i18n, toApiError(err)));
    }
  };

  return (
    <Page>
      <PageHeader
        title={t('lib.title')}
        subtitle={t('lib.subtitle')}
        actions={
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setEditing({})} disabled={!library.data}>
            {t('lib.add')}
          </Button>
        }
      />
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {(proposals.data?.length ?? 0) > 0 && (
        <Section title={t('lib.proposals')} id="proposals">
          <ul className={s.list}>
            {proposals.data!.map((p) => (
              <li key={p.id} className={s.item} data-testid="proposal">
                <div className={s.text}>
                  <Subtitle2>{p.words.name}</Subtitle2>
                  <Body1>{p.words.summary}</Body1>
                  <Caption1 className={s.meta}>{t('lib.proposedBy', { name: p.proposedBy.name, team: p.teamName })}</Caption1>
                </div>
                <div className={s.actions}>
                  <Button appearance="primary" onClick={() => act(() => decideProposal(api, p.id, 'approve'))}>
                    {t('lib.approve')}
                  </Button>
                  <Button onClick={() => act(() => decideProposal(api, p.id, 'decline'))}>{t('lib.decline')}</Button>
                </div>
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section title={t('lib.practices')} id="practices">
        {library.error && <ErrorBar error={library.error} onRetry={library.reload} />}
        {!library.data && !library.error && <Loading />}
        <ul className={s.list}>
          {(library.data?.practices ?? []).map((practice) => {
            const p = localizedPractice(practice, language);
            return (
              <li key={p.id} className={s.item} data-testid="practice" data-retired={practice.retired ? 'true' : undefined}>
                <div className={s.text}>
                  <Subtitle2>{p.name}</Subtitle2>
                  <Body1>{p.summary}</Body1>
                  <div className={s.badges}>
                    <Badge appearance="tint" color={practice.builtIn ? 'brand' : 'informative'}>
                      {practice.builtIn ? t('lib.builtIn') : t('lib.custom')}
                    </Badge>
                    {!practice.translations?.es && (
                      <Badge appearance="tint" color="warning">
                        {t('lib.untranslated')}
                      </Badge>
                    )}
                    {practice.retired && (
                      <Badge appearance="tint" color="subtle">
                        {t('lib.retired')}
                      </Badge>
                    )}
                  </div>
                </div>
                <div className={s.actions}>
                  <Button aria-label={t('lib.editOne', { name: p.name })} onClick={() => setEditing({ practice })}>
                    {t('action.edit')}
                  </Button>
                  <Button aria-label={t(practice.retired ? 'lib.restoreOne' : 'lib.retireOne', { name: p.name })} onClick={() => act(() => setRetired(api, p.id, !practice.retired))}>
                    {practice.retired ? t('lib.restore') : t('lib.retire')}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      </Section>
      {editing && library.data && (
        <Suspense fallback={null}>
          <PracticeFormDialog
            practice={editing.practice}
            bank={library.data.questionBank}
            onDismiss={() => setEditing(undefined)}
            onSaved={() => {
              setEditing(undefined);
              library.reload();
            }}
          />
        </Suspense>
      )}
    </Page>
  );
}
