import { Button } from '@fluentui/react-button';
import { Body1, Text } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { CheckmarkRegular, ArrowReplyRegular, MegaphoneRegular, DismissCircleRegular, ArrowUndoRegular } from '@fluentui/react-icons';
import { useRef, useState, type ReactElement } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { useSession } from '../../session';
import { uuid } from '../../uuid';
import { ActionForm } from './ActionForm';
import { contributorAction, ownerAction, type ContributorView, type OwnerView } from './api';

/**
 * What the reader can do next with an item. Owners (the manager it was sent to, or a senior
 * leader for items to leaders) acknowledge, reply, say what they did and close; the person who
 * gave it answers back and says whether the loop is really closed. The server decides what is
 * allowed; these buttons only offer what its answer says is possible.
 */
const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type OwnerStep = 'acknowledge' | 'reply' | 'act' | 'close';
type ContributorStep = 'respond' | 'confirmYes' | 'confirmNo' | 'reopen';

const OWNER_LOOK: Record<OwnerStep, { label: MessageKey; icon: ReactElement }> = {
  acknowledge: { label: 'fb.action.acknowledge', icon: <CheckmarkRegular /> },
  reply: { label: 'fb.action.reply', icon: <ArrowReplyRegular /> },
  act: { label: 'fb.action.act', icon: <MegaphoneRegular /> },
  close: { label: 'fb.action.close', icon: <DismissCircleRegular /> },
};

function ownerSteps(item: OwnerView): OwnerStep[] {
  if (!item.canAct) return [];
  switch (item.state) {
    case 'open':
      return ['acknowledge', 'reply', 'act'];
    case 'acknowledged':
      return ['reply', 'act', 'close'];
    case 'acted':
      return ['reply', 'close'];
    default:
      return [];
  }
}

export function OwnerActions({ item, onUpdated }: { item: OwnerView; onUpdated(next: OwnerView, message: MessageKey): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useStyles();
  const [open, setOpen] = useState<OwnerStep | undefined>();
  const requestKey = useRef(uuid());
  const buttons = useRef<Partial<Record<OwnerStep, HTMLElement | null>>>({});
  const steps = ownerSteps(item);

  const close = (step: OwnerStep | undefined) => {
    setOpen(undefined);
    // Back to the button that opened the form (or the first one left), so focus is never lost.
    requestAnimationFrame(() => (step && buttons.current[step] ? buttons.current[step]!.focus() : undefined));
  };

  if (!steps.length) return <Body1 className={s.muted}>{item.state === 'closed' ? t('fb.closedLoop') : t('fb.nothingToDo')}</Body1>;

  const forms: Record<OwnerStep, () => ReactElement> = {
    acknowledge: () => (
      <ActionForm
        title={t('fb.action.acknowledge')}
        label={t('fb.form.ackNote')}
        hint={t('fb.form.ackHint')}
        required={false}
        withDueDate={{ label: t('fb.form.dueDate'), hint: t('fb.form.dueHint') }}
        submitLabel={t('fb.action.acknowledge')}
        onCancel={() => close('acknowledge')}
        onSubmit={async ({ text, dueDate }) => done(await ownerAction(api, item.id, { kind: 'acknowledge', note: text, dueDate }), 'fb.done.acknowledged')}
      />
    ),
    reply: () => (
      <ActionForm
        title={t('fb.action.reply')}
        label={t('fb.form.reply')}
        hint={item.anonymous ? t('fb.form.replyAnonymousHint') : t('fb.form.replyHint')}
        required
        submitLabel={t('fb.form.sendReply')}
        onCancel={() => close('reply')}
        onSubmit={async ({ text }) => done(await ownerAction(api, item.id, { kind: 'reply', text: text! }, requestKey.current), 'fb.done.replied')}
      />
    ),
    act: () => (
      <ActionForm
        title={t('fb.action.act')}
        label={t('fb.form.actNote')}
        hint={t('fb.form.actHint')}
        required
        submitLabel={t('fb.form.saveAct')}
        onCancel={() => close('act')}
        onSubmit={async ({ text }) => done(await ownerAction(api, item.id, { kind: 'act', note: text! }), 'fb.done.acted')}
      />
    ),
    close: () => (
      <ActionForm
        title={t('fb.action.close')}
        label={t('fb.form.closeNote')}
        required={false}
        submitLabel={t('fb.action.close')}
        onCancel={() => close('close')}
        onSubmit={async ({ text }) => done(await ownerAction(api, item.id, { kind: 'close', note: text }), 'fb.done.closed')}
      />
    ),
  };

  function done(next: OwnerView, message: MessageKey) {
    requestKey.current = uuid();
    setOpen(undefined);
    onUpdated(next, message);
  }

  return (
    <div className={s.wrap}>
      <div role="group" aria-label={t('fb.actions')} className={s.toolbar}>
        {steps.map((step) => (
          <Button
            key={step}
            ref={(el) => (buttons.current[step] = el)}
            appearance={step === steps[0] ? 'primary' : 'secondary'}
            icon={OWNER_LOOK[step].icon}
            aria-expanded={open === step}
            onClick={() => setOpen(open === step ? undefined : step)}
            data-action={step}
          >
            {t(OWNER_LOOK[step].label)}
          </Button>
        ))}
      </div>
      {open && forms[open]()}
    </div>
  );
}

export function ContributorActions({ item, onUpdated }: { item: ContributorView; onUpdated(next: ContributorView, message: MessageKey): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useStyles();
  const [open, setOpen] = useState<ContributorStep | undefined>();
  const requestKey = useRef(uuid());
  const buttons = useRef<Partial<Record<ContributorStep, HTMLElement | null>>>({});

  const steps: ContributorStep[] = [];
  if (item.canConfirm) steps.push('confirmYes', 'confirmNo');
  if (item.canReply) steps.push('respond');
  if (item.canReopen && item.state === 'closed') steps.push('reopen');

  const close = (step: ContributorStep) => {
    setOpen(undefined);
    requestAnimationFrame(() => buttons.current[step]?.focus());
  };
  function done(next: ContributorView, message: MessageKey) {
    requestKey.current = uuid();
    setOpen(undefined);
    onUpdated(next, message);
  }

  if (!steps.length) return <Body1 className={s.muted}>{t('fb.closedLoop')}</Body1>;

  const look: Record<ContributorStep, { label: MessageKey; icon: ReactElement }> = {
    confirmYes: { label: 'fb.action.confirmYes', icon: <CheckmarkRegular /> },
    confirmNo: { label: 'fb.action.confirmNo', icon: <ArrowUndoRegular /> },
    respond: { label: 'fb.action.respond', icon: <ArrowReplyRegular /> },
    reopen: { label: 'fb.action.reopen', icon: <ArrowUndoRegular /> },
  };
  const forms: Record<ContributorStep, () => ReactElement> = {
    respond: () => (
      <ActionForm
        title={t('fb.action.respond')}
        label={t('fb.form.respond')}
        hint={item.anonymous ? t('fb.form.respondAnonymousHint') : undefined}
        required
        submitLabel={t('fb.form.sendReply')}
        onCancel={() => close('respond')}
        onSubmit={async ({ text }) => done(await contributorAction(api, item.id, { kind: 'respond', text: text! }, requestKey.current), 'fb.done.replied')}
      />
    ),
    confirmYes: () => (
      <ActionForm
        title={t('fb.action.confirmYes')}
        label={t('fb.form.confirmNote')}
        required={false}
        submitLabel={t('fb.action.confirmYes')}
        onCancel={() => close('confirmYes')}
        onSubmit={async ({ text }) => done(await contributorAction(api, item.id, { kind: 'confirm', closed: true, text }), 'fb.done.confirmed')}
      />
    ),
    confirmNo: () => (
      <ActionForm
        title={t('fb.action.confirmNo')}
        label={t('fb.form.notClosedNote')}
        required={false}
        submitLabel={t('fb.action.confirmNo')}
        onCancel={() => close('confirmNo')}
        onSubmit={async ({ text }) => done(await contributorAction(api, item.id, { kind: 'confirm', closed: false, text }), 'fb.done.reopened')}
      />
    ),
    reopen: () => (
      <ActionForm
        title={t('fb.action.reopen')}
        label={t('fb.form.notClosedNote')}
        required={false}
        submitLabel={t('fb.action.reopen')}
        onCancel={() => close('reopen')}
        onSubmit={async ({ text }) => done(await contributorAction(api, item.id, { kind: 'confirm', closed: false, text }), 'fb.done.reopened')}
      />
    ),
  };

  return (
    <div className={s.wrap}>
      {item.canConfirm && <Text weight="semibold">{t('fb.confirmQuestion')}</Text>}
      <div role="group" aria-label={t('fb.actions')} className={s.toolbar}>
        {steps.map((step, i) => (
          <Button
            key={step}
            ref={(el) => (buttons.current[step] = el)}
            appearance={i === 0 ? 'primary' : 'secondary'}
            icon={look[step].icon}
            aria-expanded={open === step}
            onClick={() => setOpen(open === step ? undefined : step)}
            data-action={step}
          >
            {t(look[step].label)}
          </Button>
        ))}
      </div>
      {open && forms[open]()}
    </div>
  );
}
