import { Button } from '@fluentui/react-button';
import { Dropdown, Option } from '@fluentui/react-combobox';
import { Field } from '@fluentui/react-field';
import { Link } from '@fluentui/react-link';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-message-bar';
import { Radio, RadioGroup } from '@fluentui/react-radio';
import { Spinner } from '@fluentui/react-spinner';
import { Textarea } from '@fluentui/react-textarea';
import { Body1, Caption1 } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { LockClosedRegular, PersonRegular } from '@fluentui/react-icons';
import { useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldText } from '../../components/errorText';
import { useI18n } from '../../i18n';
import { hrefFor } from '../../router';
import { useSession } from '../../session';
import { toApiError } from '../../useLoad';
import { uuid } from '../../uuid';
import { giveFeedback, type ContributorView, type FeedbackOptions, type FeedbackTopic, type Notice } from './api';
import { TOPICS, sentTo, shownAs, topicText } from './labels';
import { TEXT_MAX, textProblem } from './validation';

/**
 * Give feedback to one's manager or to senior leaders, about a topic and optionally a pilot,
 * with one's name or anonymously. What "anonymous" means is spelled out before sending, with
 * the organisation's threshold; after sending, the tab says where it went and how it is shown,
 * with the server's notices (it may have gone up to leaders, or left the pilot out, to stay
 * anonymous), worded from their codes.
 */
const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  radios: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  explain: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  send: { flexShrink: 0, whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  dropdown: { maxWidth: '420px' },
  dropdownButton: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  counter: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
});

type Audience = 'manager' | 'leaders';
const NO_PILOT = '__none';

interface Sent {
  item: ContributorView;
  notices: Notice[];
}

/** Test hooks for the notices people look for. */
const NOTICE_ID: Record<Notice['code'], string> = { 'notice.rerouted': 'rerouted', 'notice.pilot_left_out': 'pilot-left-out' };

export function GiveFeedbackForm({ options, onSent }: { options: FeedbackOptions; onSent?(item: ContributorView): void }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const [audience, setAudience] = useState<Audience>(options.manager ? 'manager' : 'leaders');
  const [topic, setTopic] = useState<FeedbackTopic | undefined>();
  const [pilotId, setPilotId] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [errors, setErrors] = useState<{ topic?: string; text?: string; audience?: string }>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [saving, setSaving] = useState(false);
  const [sent, setSent] = useState<Sent | undefined>();
  const requestKey = useRef(uuid());
  const topicRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const k = options.threshold;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const trimmed = text.trim();
    const problems: typeof errors = {};
    if (!topic) problems.topic = t('v.topicRequired');
    const tp = textProblem(t, trimmed, true);
    if (tp) problems.text = tp;
    setErrors(problems);
    if (problems.topic) return topicRef.current?.querySelector('input')?.focus();
    if (problems.text) return textRef.current?.focus();
    setSaving(true);
    setFailure(undefined);
    setSent(undefined);
    try {
      const { item, notices } = await giveFeedback(api, { audience, topic: topic!, text: trimmed, anonymous, ...(pilotId ? { pilotId } : {}) }, requestKey.current);
      setSent({ item, notices: notices ?? [] });
      requestKey.current = uuid();
      setText('');
      setTopic(undefined);
      setPilotId(undefined);
      onSent?.(item);
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (err) {
      const apiErr = toApiError(err);
      const fields = Object.fromEntries(apiErr.fields.filter((f) => ['topic', 'text', 'audience'].includes(f.field)).map((f) => [f.field, fieldText(i18n, f)]));
      if (Object.keys(fields).length) setErrors(fields);
      else setFailure(apiErr);
    } finally {
      setSaving(false);
    }
  }

  const selectedPilot = options.pilots.find((p) => p.id === pilotId);
  return (
    <form className={s.form} onSubmit={submit} noValidate aria-label={t('fb.give.title')} data-testid="give-form">
      {sent && (
        <div ref={resultRef} tabIndex={-1} data-testid="sent">
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('fb.give.sent')}</MessageBarTitle>
              <span className={s.explain}>
                <span>
                  {t('fb.sentToLabel')} <span>{sentTo(i18n, sent.item)}</span>. {t('fb.shownAsLabel')} <span>{shownAs(i18n, sent.item)}</span>.
                </span>
                {sent.notices.map((n) => (
                  <span key={n.code} data-testid={NOTICE_ID[n.code]} data-notice={n.code}>
                    {i18n.word(n.code, n.params)}
                  </span>
                ))}
                {sent.item.visibleFrom && <span>{t('fb.visibleFrom', { date: i18n.date(sent.item.visibleFrom) })}</span>}
                <Link href={hrefFor({ name: 'feedbackItem', id: sent.item.id })}>{t('fb.give.open')}</Link>
              </span>
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      {failure && <ErrorBar error={failure} />}

      <Field label={t('fb.give.audience')} required validationState={errors.audience ? 'error' : 'none'} validationMessage={errors.audience}>
        <RadioGroup value={audience} onChange={(_, d) => setAudience(d.value as Audience)}>
          <Radio
            value="manager"
            disabled={!options.manager}
            label={options.manager ? (options.manager.name ? t('fb.give.toManagerNamed', { name: options.manager.name }) : t('fb.give.toManager')) : t('fb.give.noManager')}
          />
          <Radio value="leaders" label={t('fb.give.toLeaders')} />
        </RadioGroup>
      </Field>

      <Field label={t('fb.give.topic')} required validationState={errors.topic ? 'error' : 'none'} validationMessage={errors.topic}>
        <RadioGroup ref={topicRef} value={topic ?? ''} onChange={(_, d) => setTopic(d.value as FeedbackTopic)} layout="horizontal" className={s.radios}>
          {TOPICS.map((tp) => (
            <Radio key={tp} value={tp} label={topicText(i18n, tp)} />
          ))}
        </RadioGroup>
      </Field>

      {options.pilots.length > 0 && (
        <Field label={t('fb.give.pilot')} hint={t('fb.give.pilotHint')}>
          <Dropdown
            className={s.dropdown}
            button={{ className: s.dropdownButton }}
            value={selectedPilot?.title ?? t('fb.give.noPilot')}
            selectedOptions={[pilotId ?? NO_PILOT]}
            onOptionSelect={(_, d) => setPilotId(d.optionValue === NO_PILOT ? undefined : d.optionValue)}
          >
            <Option value={NO_PILOT}>{t('fb.give.noPilot')}</Option>
            {options.pilots.map((p) => (
              <Option key={p.id} value={p.id}>
                {p.title}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}

      <Field
        label={t('fb.give.text')}
        hint={<span className={s.counter}>{t('fb.give.counter', { count: text.length, max: TEXT_MAX })}</span>}
        required
        validationState={errors.text ? 'error' : 'none'}
        validationMessage={errors.text}
      >
        <Textarea
          ref={textRef}
          value={text}
          onChange={(_, d) => {
            setText(d.value);
            setErrors(({ text: _t, ...rest }) => rest);
          }}
          rows={5}
          resize="vertical"
          maxLength={TEXT_MAX}
        />
      </Field>

      <Field label={t('fb.give.how')} required>
        <RadioGroup value={anonymous ? 'anonymous' : 'named'} onChange={(_, d) => setAnonymous(d.value === 'anonymous')}>
          <Radio value="named" label={t('fb.give.named')} />
          <Radio value="anonymous" label={t('fb.give.anonymousOption')} />
        </RadioGroup>
      </Field>

      <MessageBar intent="info" layout="multiline" icon={anonymous ? <LockClosedRegular /> : <PersonRegular />} data-testid="anonymity-explainer">
        <MessageBarBody>
          <MessageBarTitle>{anonymous ? t('fb.anon.title') : t('fb.named.title')}</MessageBarTitle>
          {anonymous ? (
            <ul className={s.list}>
              <li>{t('fb.anon.noName')}</li>
              <li>{t('fb.anon.group', { k })}</li>
              <li>{t('fb.anon.week')}</li>
              <li>{audience === 'manager' ? t('fb.anon.smallTeam', { k }) : t('fb.anon.leaders', { k })}</li>
              <li>{t('fb.anon.pilot')}</li>
              <li>{t('fb.anon.replies')}</li>
              <li>{t('fb.anon.words')}</li>
            </ul>
          ) : (
            <Body1>{t('fb.named.body')}</Body1>
          )}
        </MessageBarBody>
      </MessageBar>

      <div className={s.buttons}>
        <Button type="submit" appearance="primary" className={s.send} disabled={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
          {t('fb.give.send')}
        </Button>
        <Caption1 className={s.muted}>{t('fb.give.threshold', { k })}</Caption1>
      </div>
    </form>
  );
}
