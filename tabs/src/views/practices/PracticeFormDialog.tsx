import { Button } from '@fluentui/react-button';
import { Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-dialog';
import { Field } from '@fluentui/react-field';
import { Input } from '@fluentui/react-input';
import { MessageBar, MessageBarBody } from '@fluentui/react-message-bar';
import { Subtitle2 } from '@fluentui/react-text';
import { Textarea } from '@fluentui/react-textarea';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useState, type FormEvent } from 'react';
import { errorText, fieldText } from '../../components/errorText';
import { useI18n, type MessageKey } from '../../i18n';
import { useSession } from '../../session';
import { toApiError } from '../../useLoad';
import { QuestionEditor } from '../pilots/QuestionEditor';
import { rowsOf, toBodies, validateQuestions, type QuestionRow } from '../pilots/questions-model';
import { addPractice, editPractice, type ManagedPractice, type PracticeWords, type Question } from './api';

/**
 * Add or edit a practice (admins): its words in English and in Spanish, and its check-in
 * questions. Lists (how to run it, measures, pitfalls) are one item per line.
 */
interface Props {
  practice?: ManagedPractice;
  bank: Question[];
  onDismiss(): void;
  onSaved(p: ManagedPractice): void;
}

type Lang = 'en' | 'es';
const WORDS = ['name', 'summary', 'why', 'how', 'measures', 'pitfalls'] as const;
type Words = Record<(typeof WORDS)[number], string>;
const LISTS = new Set(['how', 'measures', 'pitfalls']);

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, '& > *': { flexShrink: 0 } },
});

const toWords = (w?: PracticeWords): Words => ({
  name: w?.name ?? '',
  summary: w?.summary ?? '',
  why: w?.why ?? '',
  how: (w?.how ?? []).join('\n'),
  measures: (w?.measures ?? []).join('\n'),
  pitfalls: (w?.pitfalls ?? []).join('\n'),
});
const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);
const fromWords = (w: Words): PracticeWords => ({ name: w.name.trim(), summary: w.summary.trim(), why: w.why.trim(), how: lines(w.how), measures: lines(w.measures), pitfalls: lines(w.pitfalls) });

export default function PracticeFormDialog({ practice, bank, onDismiss, onSaved }: Props) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const [words, setWords] = useState<Record<Lang, Words>>({ en: toWords(practice), es: toWords(practice?.translations?.es) });
  // Questions are kept in English, the library's language; bank questions bring their translations.
  const [rows, setRows] = useState<QuestionRow[]>(() => rowsOf(practice?.questions ?? bank.filter((q) => ['confidence', 'progress', 'blocker'].includes(q.id)), 'en'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string>();
  const [saving, setSaving] = useState(false);

  const set = (lang: Lang, key: keyof Words, value: string) => setWords((w) => ({ ...w, [lang]: { ...w[lang], [key]: value } }));
  const fieldError = (key: string) => (errors[key] ? { validationMessage: errors[key], validationState: 'error' as const } : {});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const own = validateQuestions(rows);
    if (Object.keys(own).length) {
      setErrors(Object.fromEntries(Object.entries(own).map(([k, v]) => [k, t(v as MessageKey)])));
      setBanner(t('form.fixErrors'));
      return;
    }
    const es = fromWords(words.es);
    const body = { ...fromWords(words.en), questions: toBodies(rows), ...(es.name ? { translations: { es } } : {}) };
    setSaving(true);
    setErrors({});
    setBanner(undefined);
    try {
      onSaved(practice?.etag ? await editPractice(api, practice.id, body, practice.etag) : await addPractice(api, body));
    } catch (err) {
      const apiError = toApiError(err);
      setErrors(Object.fromEntries(apiError.fields.map((f) => [f.field.replace(/^translations\.es\./, 'es.').replace(/^(how|measures|pitfalls)\.\d+$/, '$1'), fieldText(i18n, f)])));
      setBanner(apiError.fields.length ? t('form.fixErrors') : errorText(i18n, apiError));
    } finally {
      setSaving(false);
    }
  }

  const wordFields = (lang: Lang) =>
    WORDS.map((key) => {
      const errorKey = lang === 'en' ? key : `es.${key}`;
      const label = t(`lib.${key}` as MessageKey);
      return (
        <Field key={errorKey} label={label} hint={LISTS.has(key) ? t('lib.oneLine') : undefined} data-field={errorKey} {...fieldError(errorKey)}>
          {key === 'name' ? (
            <Input value={words[lang][key]} onChange={(_, d) => set(lang, key, d.value)} />
          ) : (
            <Textarea value={words[lang][key]} onChange={(_, d) => set(lang, key, d.value)} rows={LISTS.has(key) ? 3 : 2} resize="vertical" />
          )}
        </Field>
      );
    });

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onDismiss()}>
      <DialogSurface className={s.surface} aria-describedby={undefined}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{practice ? t('lib.editTitle') : t('lib.addTitle')}</DialogTitle>
            <DialogContent className={s.content}>
              {banner && (
                <MessageBar intent="error" data-testid="form-banner">
                  <MessageBarBody>{banner}</MessageBarBody>
                </MessageBar>
              )}
              <Subtitle2 as="h3">{t('lib.english')}</Subtitle2>
              {wordFields('en')}
              <Subtitle2 as="h3">{t('lib.spanish')}</Subtitle2>
              {wordFields('es')}
              <QuestionEditor rows={rows} bank={bank} errors={errors} existingIds={practice?.questions.map((q) => q.id) ?? []} onChange={(next) => setRows(next)} />
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">{t('app.cancel')}</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary" disabled={saving}>
                {t('lib.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
