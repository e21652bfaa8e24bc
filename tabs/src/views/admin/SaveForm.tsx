import { Button } from '@fluentui/react-button';
import { Body1 } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useEffect, useState, type DependencyList, type ReactNode } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { useSubmit, type FieldErrors } from '../../components/forms';
import { Section } from '../../components/Layout';
import { SuccessBar } from '../../components/SuccessBar';
import { useAdminStyles } from './parts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '560px' },
});

/**
 * An admin section saved as one form (retention, settings): `save` checks the fields, sends, and
 * on success hands the server's answer on and says "saved" until the next edit of `values`.
 */
export function useSaveForm(values: DependencyList) {
  const submit = useSubmit();
  const [saved, setSaved] = useState(false);
  // The notice is about what was saved: any edit after it takes it away.
  useEffect(() => setSaved(false), values);
  const save = async <T,>(check: () => FieldErrors, send: () => Promise<T>, onSaved: (result: T) => void) => {
    const result = await submit.run(check, send);
    if (result) {
      onSaved(result);
      setSaved(true);
    }
  };
  return { submit, saved, save };
}

/**
 * The section around such a form: its intro, the saved notice, the fields, one primary save
 * button, and the error bar for a problem no field shows (a field's own problem is shown by it).
 */
export function SaveForm({ form, title, id, intro, savedText, saveLabel, onSave, children }: {
  form: ReturnType<typeof useSaveForm>;
  title: string;
  id: string;
  intro: string;
  savedText: string;
  saveLabel: string;
  onSave(): Promise<void>;
  children: ReactNode;
}) {
  const s = useStyles();
  const a = useAdminStyles();
  const { submit, saved } = form;
  return (
    <Section title={title} id={id}>
      <Body1>{intro}</Body1>
      {saved && <SuccessBar>{savedText}</SuccessBar>}
      <form
        className={s.form}
        noValidate
        onChange={submit.onEdit}
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
      >
        {children}
        <div className={a.row}>
          <Button type="submit" appearance="primary" disabled={submit.busy}>
            {saveLabel}
          </Button>
        </div>
        {submit.error && !Object.keys(submit.fields).length && <ErrorBar error={submit.error} />}
      </form>
    </Section>
  );
}
