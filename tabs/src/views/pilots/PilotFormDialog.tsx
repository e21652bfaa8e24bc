import { Button } from '@fluentui/react-button';
import { Checkbox } from '@fluentui/react-checkbox';
import { Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-dialog';
import { Dropdown, Option } from '@fluentui/react-combobox';
import { Field } from '@fluentui/react-field';
import { Input } from '@fluentui/react-input';
import { MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-message-bar';
import { Spinner } from '@fluentui/react-spinner';
import { Text } from '@fluentui/react-text';
import { Textarea } from '@fluentui/react-textarea';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { STANDARD_QUESTION_IDS, localizedPractice } from '../../../../domain/practices/model';
import { ApiError } from '../../api/client';
import { withAreaStrings } from '../../components/AreaStrings';
import { errorText, fieldText } from '../../components/errorText';
import { useI18n, type MessageKey } from '../../i18n';
import { useSession } from '../../session';
import { toApiError, useLoad } from '../../useLoad';
import { uuid } from '../../uuid';
import { createPilot, getPilot, listTeams, loadLibrary, updatePilot, type PilotView } from './api';
import { MAX_MEASURES, applyPractice, emptyForm, formFromPilot, serverErrors, toInput, validate, type FormErrors, type FormValues } from './form-model';
import { QuestionEditor } from './QuestionEditor';
import { rowsOf, validateQuestions, type QuestionRow } from './questions-model';

// The card renderer is large: it loads with the preview, not with the tab.
const CheckinPreview = lazy(() => import('./CheckinPreview'));

/**
 * Create or edit a pilot. Loaded on demand (it is the heaviest part of the tab). Problems show
 * next to their fields whether we found them or the server did; anything else in a bar on top.
 */
export interface PilotFormDialogProps {
  open: boolean;
  mode: 'create' | 'edit';
  pilot?: PilotView;
  defaultTeamId?: string;
  onDismiss(): void;
  onSaved(pilot: PilotView): void;
}

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: 'calc(100vw - 32px)' },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    // The content scrolls; without this its children would shrink and overlap instead.
    '& > *': { flexShrink: 0 },
  },
  pair: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalL, '@media (max-width: 520px)': { gridTemplateColumns: '1fr' } },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0, minWidth: 0 },
  // Fieldset legends styled like Fluent field labels, so grouped controls look like the rest.
  legend: { padding: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground1 },
  required: { color: tokens.colorPaletteRedForeground3, paddingLeft: tokens.spacingHorizontalXS },
  hint: { color: tokens.colorNeutralForeground3 },
  measure: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  measureField: { flexGrow: 1 },
  days: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  addButton: { alignSelf: 'flex-start' },
});

const DAYS = [1, 2, 3, 4, 5, 6, 0]; // Monday first, as most of our users' calendars

/** The form's strings load with it (the pilotForms area; the dialog opens once they are here). */
export default withAreaStrings('pilotForms', PilotForm);

function PilotForm({ open, mode, pilot, defaultTeamId, onDismiss, onSaved }: PilotFormDialogProps) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const ids = useId();
  const formRef = useRef<HTMLFormElement>(null);

  const [base, setBase] = useState(pilot);
  const [values, setValues] = useState<FormValues>(() => (pilot ? formFromPilot(pilot, i18n.language) : emptyForm(defaultTeamId)));
  const [errors, setErrors] = useState<FormErrors>({});
  const [banner, setBanner] = useState<{ text: string; conflict?: boolean } | undefined>();
  const [saving, setSaving] = useState(false);
  const [focusFirstError, setFocusFirstError] = useState(0);
  // One key per dialog: a retried submission returns the pilot the first one created.
  const [requestKey] = useState(uuid);

  const library = useLoad((signal) => loadLibrary(api, signal), [api]);
  // The library in the reader's language (names, why, measures and questions).
  const practices = { data: mode === 'create' ? library.data?.practices.map((p) => localizedPractice(p, i18n.language)) : [] };
  const bank = library.data?.questionBank ?? [];
  const teams = useLoad((signal) => listTeams(api, signal), [api]);
  const practice = practices.data?.find((p) => p.id === values.practiceId);
  const team = teams.data?.find((x) => x.id === values.teamId);
  const standard = (): QuestionRow[] => rowsOf(bank.filter((q) => (STANDARD_QUESTION_IDS as readonly string[]).includes(q.id)), i18n.language);
  const existingIds = useMemo(() => base?.questions.map((q) => q.id) ?? [], [base]);
  const questionsReady = Object.keys(validateQuestions(values.questions)).length === 0;

  // A blank pilot starts with the standard questions, once the bank is here.
  useEffect(() => {
    if (mode === 'create' && library.data && !values.practiceId && !values.questions.length) setValues((v) => ({ ...v, questions: standard() }));
  }, [library.data, mode]);

  // A lone team needs no choosing.
  useEffect(() => {
    if (teams.data?.length === 1 && !values.teamId) setValues((v) => ({ ...v, teamId: teams.data![0].id }));
  }, [teams.data, values.teamId]);

  useEffect(() => {
    if (!focusFirstError) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input')?.focus();
  }, [focusFirstError]);

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K], errorKey: string = key) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[errorKey]) setErrors(({ [errorKey]: _, ...rest }) => rest);
  };
  const fieldError = (key: string) => (errors[key] ? { validationMessage: errors[key], validationState: 'error' as const } : {});

  const setMeasure = (i: number, text: string) => set('successMeasures', values.successMeasures.map((m, j) => (j === i ? text : m)), `successMeasures.${i}`);
  const addMeasure = () => set('successMeasures', [...values.successMeasures, '']);
  const removeMeasure = (i: number) => {
    setValues((v) => ({ ...v, successMeasures: v.successMeasures.filter((_, j) => j !== i) }));
    setErrors({}); // row indexes shift; stale messages would point at the wrong rows
  };
  const toggleDay = (day: number, on: boolean) =>
    set('weekdays', on ? [...values.weekdays, day] : values.weekdays.filter((d) => d !== day), 'cadence.weekdays');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const problems = validate(values);
    if (Object.keys(problems).length) {
      setErrors(Object.fromEntries(Object.entries(problems).map(([k, key]) => [k, t(key as MessageKey)])));
      setBanner({ text: t('form.fixErrors') });
      setFocusFirstError((n) => n + 1);
      return;
    }
    setErrors({});
    setBanner(undefined);
    setSaving(true);
    try {
      let saved: PilotView;
      if (mode === 'edit' && base) {
        const { practiceId: _fixed, ...patch } = toInput(values, base.cadence);
        saved = await updatePilot(api, base.id, patch, base.etag);
      } else {
        saved = await createPilot(api, toInput(values), requestKey);
      }
      onSaved(saved);
    } catch (err) {
      showServerProblem(toApiError(err));
    } finally {
      setSaving(false);
    }
  }

  function showServerProblem(err: ApiError) {
    if (err.status === 409 && mode === 'edit') {
      setBanner({ text: t('form.conflict'), conflict: true });
      return;
    }
    if (err.fields.length) {
      const known = (field: string) => !!formRef.current?.querySelector(`[data-field="${CSS.escape(field)}"]`);
      const { fields, other } = serverErrors(err.fields, values, known, (p) => fieldText(i18n, p));
      setErrors(fields);
      setBanner({ text: other.length ? other.map((p) => `${p.field}: ${fieldText(i18n, p)}`).join(' ') : t('form.fixErrors') });
      setFocusFirstError((n) => n + 1);
      return;
    }
    setBanner({ text: errorText(i18n, err) });
  }

  async function reloadLatest() {
    if (!base) return;
    try {
      const latest = await getPilot(api, base.id);
      setBase(latest);
      setValues(formFromPilot(latest, i18n.language));
      setErrors({});
      setBanner(undefined);
    } catch (err) {
      setBanner({ text: errorText(i18n, toApiError(err)) });
    }
  }

  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, d) => !d.open && onDismiss()}>
      <DialogSurface className={s.surface} aria-describedby={undefined}>
        <form ref={formRef} onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{mode === 'create' ? t('form.newTitle') : t('form.editTitle')}</DialogTitle>
            <DialogContent className={s.content}>
              {banner && (
                <MessageBar intent={banner.conflict ? 'warning' : 'error'} layout="multiline" data-testid="form-banner">
                  <MessageBarBody>{banner.text}</MessageBarBody>
                  {banner.conflict && (
                    <MessageBarActions>
                      <Button size="small" onClick={reloadLatest}>
                        {t('app.reload')}
                      </Button>
                    </MessageBarActions>
                  )}
                </MessageBar>
              )}

              {mode === 'create' ? (
                <Field label={t('form.practice')} hint={t('form.practiceHint')} data-field="practiceId" {...fieldError('practiceId')}>
                  <Dropdown
                    value={practice?.name ?? t('form.scratch')}
                    selectedOptions={[values.practiceId ?? '']}
                    onOptionSelect={(_, d) => setValues((v) => applyPractice(v, practices.data?.find((p) => p.id === d.optionValue), i18n.language, standard()))}
                    disabled={!practices.data}
                  >
                    <Option value="">{t('form.scratch')}</Option>
                    {(practices.data ?? []).map((p) => (
                      <Option key={p.id} value={p.id}>
                        {p.name}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              ) : (
                // Not a control: the practice is fixed once a pilot exists, and focus belongs on the title.
                <div className={s.group}>
                  <Text className={s.legend}>{t('form.practice')}</Text>
                  <Text weight="semibold">{base?.practiceName}</Text>
                  <Text size={200} className={s.hint}>
                    {t('form.practiceFixed')}
                  </Text>
                </div>
              )}

              <Field label={t('form.title')} required data-field="title" {...fieldError('title')}>
                <Input value={values.title} onChange={(_, d) => set('title', d.value)} maxLength={200} />
              </Field>

              <Field
                label={t('form.hypothesis')}
                required
                hint={practice ? t('form.why', { why: practice.why }) : t('form.hypothesisHint')}
                data-field="hypothesis"
                {...fieldError('hypothesis')}
              >
                <Textarea value={values.hypothesis} onChange={(_, d) => set('hypothesis', d.value)} resize="vertical" rows={3} />
              </Field>

              <fieldset className={s.group} aria-describedby={`${ids}-measures-hint`}>
                <legend className={s.legend}>
                  {t('form.measures')}
                  <span className={s.required} aria-hidden="true">
                    *
                  </span>
                </legend>
                <Text id={`${ids}-measures-hint`} size={200} className={s.hint}>
                  {t('form.measuresHint')}
                </Text>
                {values.successMeasures.map((m, i) => (
                  <div className={s.measure} key={i}>
                    <Field className={s.measureField} data-field={`successMeasures.${i}`} {...fieldError(`successMeasures.${i}`)}>
                      <Input value={m} onChange={(_, d) => setMeasure(i, d.value)} aria-label={t('form.measure', { n: i + 1 })} maxLength={240} />
                    </Field>
                    {values.successMeasures.length > 1 && (
                      <Button appearance="subtle" icon={<DeleteRegular />} aria-label={t('form.removeMeasure', { n: i + 1 })} onClick={() => removeMeasure(i)} />
                    )}
                  </div>
                ))}
                {values.successMeasures.length < MAX_MEASURES && (
                  <Button className={s.addButton} appearance="subtle" icon={<AddRegular />} onClick={addMeasure}>
                    {t('form.addMeasure')}
                  </Button>
                )}
              </fieldset>

              <Field label={t('form.team')} required data-field="teamId" {...fieldError('teamId')}>
                <Dropdown
                  placeholder={t('form.teamPlaceholder')}
                  value={team?.name ?? ''}
                  selectedOptions={values.teamId ? [values.teamId] : []}
                  onOptionSelect={(_, d) => set('teamId', d.optionValue ?? '')}
                  disabled={!teams.data}
                >
                  {(teams.data ?? []).map((x) => (
                    <Option key={x.id} value={x.id}>
                      {x.name}
                    </Option>
                  ))}
                </Dropdown>
              </Field>

              <fieldset className={s.group} data-field="cadence.weekdays" data-invalid={errors['cadence.weekdays'] ? 'true' : undefined}>
                <legend className={s.legend}>
                  {t('form.days')}
                  <span className={s.required} aria-hidden="true">
                    *
                  </span>
                </legend>
                <div className={s.days}>
                  {DAYS.map((day) => (
                    <Checkbox
                      key={day}
                      label={i18n.weekday(day)}
                      checked={values.weekdays.includes(day)}
                      onChange={(_, d) => toggleDay(day, !!d.checked)}
                      aria-describedby={errors['cadence.weekdays'] ? `${ids}-days-error` : undefined}
                    />
                  ))}
                </div>
                {errors['cadence.weekdays'] && (
                  <Text id={`${ids}-days-error`} className={s.error} role="alert">
                    {errors['cadence.weekdays']}
                  </Text>
                )}
              </fieldset>

              <div className={s.pair}>
                <Field label={t('form.time')} hint={t('form.timeHint')} required data-field="cadence.time" {...fieldError('cadence.time')}>
                  <Input type="time" value={values.time} onChange={(_, d) => set('time', d.value, 'cadence.time')} />
                </Field>
                <Field label={t('form.reminder')} hint={t('form.reminderHint')} data-field="cadence.reminderHours" {...fieldError('cadence.reminderHours')}>
                  <Input type="number" min={0} max={72} step={1} value={values.reminderHours} onChange={(_, d) => set('reminderHours', d.value, 'cadence.reminderHours')} />
                </Field>
              </div>

              <div className={s.pair}>
                <Field label={t('form.start')} required data-field="startDate" {...fieldError('startDate')}>
                  <Input type="date" value={values.startDate} onChange={(_, d) => set('startDate', d.value)} />
                </Field>
                <Field label={t('form.end')} required data-field="endDate" {...fieldError('endDate')}>
                  <Input type="date" value={values.endDate} min={values.startDate || undefined} onChange={(_, d) => set('endDate', d.value)} />
                </Field>
              </div>

              <QuestionEditor
                rows={values.questions}
                bank={bank}
                errors={errors}
                existingIds={existingIds}
                onChange={(questions, touched) => {
                  setValues((v) => ({ ...v, questions }));
                  // An edit clears its own message; rows added, moved or removed clear them all (positions shift).
                  const stale = (k: string) => (touched && touched !== 'questions' ? k === touched || k === 'questions' : k.startsWith('questions'));
                  setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !stale(k))));
                }}
              />

              <Suspense fallback={<Spinner size="tiny" />}>
                <CheckinPreview title={values.title} rows={values.questions} ready={questionsReady} />
              </Suspense>
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">{t('app.cancel')}</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary" disabled={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
                {mode === 'create' ? t('form.create') : t('form.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
