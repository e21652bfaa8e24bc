import { Button } from '@fluentui/react-button';
import { Dropdown, Option } from '@fluentui/react-combobox';
import { Field } from '@fluentui/react-field';
import { Input } from '@fluentui/react-input';
import { Text } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { AddRegular, ArrowDownRegular, ArrowUpRegular, DeleteRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { localizedQuestion, type Question, type QuestionKind } from '../../../../domain/practices/model';
import { useI18n } from '../../i18n';
import type { FormErrors } from './form-model';
import { MAX_CHOICES, MAX_QUESTIONS, QUESTION_KINDS, blankRow, moveRow, rowOf, withKind, type QuestionRow } from './questions-model';

/**
 * The check-in questions of the pilot form: add (written or from the bank), reorder, remove and
 * edit, up to seven. Problems show next to the part they concern, whoever found them.
 */
export interface QuestionEditorProps {
  rows: QuestionRow[];
  bank: Question[];
  errors: FormErrors;
  /** The question ids the pilot asked when the editor opened: rewording those keeps their trend. */
  existingIds: string[];
  onChange(rows: QuestionRow[], touched?: string): void;
}

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  number: { minWidth: '1.5em', fontWeight: tokens.fontWeightSemibold },
  kind: { minWidth: '160px' },
  grow: { flexGrow: 1 },
  start: { alignSelf: 'flex-start' },
  pair: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  choice: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  add: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

export function QuestionEditor({ rows, bank, errors, existingIds, onChange }: QuestionEditorProps) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const s = useStyles();
  const ids = useId();
  const blank = (kind: QuestionKind) =>
    blankRow(kind, { low: t('form.defaultLow'), high: t('form.defaultHigh'), choice: (n) => t('form.defaultChoice', { n }) });
  const fieldError = (key: string) => (errors[key] ? { validationMessage: errors[key], validationState: 'error' as const } : {});
  const full = rows.length >= MAX_QUESTIONS;
  const asked = new Set(rows.map((r) => r.id));
  const offered = bank.filter((q) => !asked.has(q.id));

  const update = (i: number, change: Partial<QuestionRow>, touched: string) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)), touched);
  const setChoice = (i: number, c: number, value: string) => update(i, { choices: rows[i].choices.map((x, k) => (k === c ? value : x)) }, `questions.${i}.choices.${c}`);

  return (
    <fieldset className={s.group} data-field="questions" data-testid="question-editor" aria-describedby={`${ids}-hint`}>
      <legend className={s.legend}>{t('form.questions')}</legend>
      <Text id={`${ids}-hint`} size={200} className={s.hint}>
        {t('form.questionsHint')}
      </Text>
      <ol className={s.list}>
        {rows.map((row, i) => {
          const n = i + 1;
          return (
            <li key={row.key} className={s.row} data-testid="question-row">
              <div className={s.head}>
                <Text className={s.number} aria-hidden="true">
                  {n}.
                </Text>
                <Dropdown
                  className={s.kind}
                  aria-label={t('form.questionKind', { n })}
                  value={t(`kind.${row.kind}`)}
                  selectedOptions={[row.kind]}
                  onOptionSelect={(_, d) => d.optionValue && update(i, withKind(row, d.optionValue as QuestionKind, blank(d.optionValue as QuestionKind)), `questions.${i}.kind`)}
                >
                  {QUESTION_KINDS.map((k) => (
                    <Option key={k} value={k}>
                      {t(`kind.${k}`)}
                    </Option>
                  ))}
                </Dropdown>
                <span className={s.grow} />
                <Button appearance="subtle" icon={<ArrowUpRegular />} aria-label={t('form.moveUp', { n })} disabled={i === 0} onClick={() => onChange(moveRow(rows, i, i - 1))} />
                <Button appearance="subtle" icon={<ArrowDownRegular />} aria-label={t('form.moveDown', { n })} disabled={i === rows.length - 1} onClick={() => onChange(moveRow(rows, i, i + 1))} />
                <Button appearance="subtle" icon={<DeleteRegular />} aria-label={t('form.removeQuestion', { n })} onClick={() => onChange(rows.filter((_, j) => j !== i))} />
              </div>
              <Field
                label={t('form.question', { n })}
                hint={row.id && existingIds.includes(row.id) ? t('form.keepsTrend') : undefined}
                data-field={`questions.${i}.text`}
                {...fieldError(`questions.${i}.text`)}
              >
                <Input value={row.text} maxLength={240} onChange={(_, d) => update(i, { text: d.value }, `questions.${i}.text`)} />
              </Field>
              {row.kind === 'scale' && (
                <div className={s.pair}>
                  <Field label={t('form.questionLow')} data-field={`questions.${i}.low`} {...fieldError(`questions.${i}.low`)}>
                    <Input value={row.low} maxLength={60} onChange={(_, d) => update(i, { low: d.value }, `questions.${i}.low`)} />
                  </Field>
                  <Field label={t('form.questionHigh')} data-field={`questions.${i}.high`} {...fieldError(`questions.${i}.high`)}>
                    <Input value={row.high} maxLength={60} onChange={(_, d) => update(i, { high: d.value }, `questions.${i}.high`)} />
                  </Field>
                </div>
              )}
              {row.kind === 'choice' && (
                <div className={s.group} data-field={`questions.${i}.choices`}>
                  {row.choices.map((c, k) => (
                    <div className={s.choice} key={k}>
                      <Field className={s.grow} data-field={`questions.${i}.choices.${k}`} {...fieldError(`questions.${i}.choices.${k}`)}>
                        <Input value={c} maxLength={80} aria-label={t('form.questionChoice', { n: k + 1 })} onChange={(_, d) => setChoice(i, k, d.value)} />
                      </Field>
                      {row.choices.length > 2 && (
                        <Button
                          appearance="subtle"
                          icon={<DeleteRegular />}
                          aria-label={t('form.removeChoice', { n: k + 1 })}
                          onClick={() => update(i, { choices: row.choices.filter((_, x) => x !== k) }, `questions.${i}.choices`)}
                        />
                      )}
                    </div>
                  ))}
                  {errors[`questions.${i}.choices`] && (
                    <Text className={s.error} role="alert">
                      {errors[`questions.${i}.choices`]}
                    </Text>
                  )}
                  {row.choices.length < MAX_CHOICES && (
                    <Button className={s.start} appearance="subtle" icon={<AddRegular />} onClick={() => update(i, { choices: [...row.choices, t('form.defaultChoice', { n: row.choices.length + 1 })] }, `questions.${i}.choices`)}>
                      {t('form.addChoice')}
                    </Button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {errors.questions && (
        <Text className={s.error} role="alert">
          {errors.questions}
        </Text>
      )}
      {full ? (
        <Text size={200} className={s.hint}>
          {t('form.questionsFull')}
        </Text>
      ) : (
        <div className={s.add}>
          <Button appearance="subtle" icon={<AddRegular />} onClick={() => onChange([...rows, blank('scale')], 'questions')}>
            {t('form.addQuestion')}
          </Button>
          <Dropdown
            aria-label={t('form.fromBank')}
            placeholder={offered.length ? t('form.fromBank') : t('form.bankEmpty')}
            disabled={!offered.length}
            value=""
            selectedOptions={[]}
            onOptionSelect={(_, d) => {
              const q = offered.find((x) => x.id === d.optionValue);
              if (q) onChange([...rows, rowOf(q, language)], 'questions');
            }}
          >
            {offered.map((q) => (
              <Option key={q.id} value={q.id} text={localizedQuestion(q, language).text}>
                {localizedQuestion(q, language).text}
              </Option>
            ))}
          </Dropdown>
        </div>
      )}
    </fieldset>
  );
}
