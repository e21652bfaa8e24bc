import { Combobox, Option } from '@fluentui/react-combobox';
import { Field } from '@fluentui/react-field';
import { useEffect, useState } from 'react';
import { useSession } from '../../session';
import { findPeople, type PersonView } from './api';
import { useAdminStyles } from './parts';

/**
 * Search someone in the organisation by name and choose them (the privacy section, naming a
 * team's manager). The state lives in `usePersonPicker` so the owner can read who is chosen and
 * start over once it has acted on them.
 */
export function usePersonPicker() {
  const { api } = useSession();
  const [query, setQuery] = useState('');
  const [people, setPeople] = useState<PersonView[]>([]);
  const [chosen, setChosen] = useState<PersonView | undefined>();

  useEffect(() => {
    // Not while the box shows the chosen person's name: that is no search.
    if (!query.trim() || chosen?.name === query) return;
    const controller = new AbortController();
    // Searched once typing pauses, and a newer search cancels the one before.
    const timer = setTimeout(() => findPeople(api, query, controller.signal).then((r) => setPeople(r.people), () => undefined), 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, query, chosen]);

  return {
    query,
    people,
    chosen,
    typed(text: string) {
      setQuery(text);
      setChosen(undefined);
    },
    choose(userId: string | undefined) {
      const person = people.find((p) => p.userId === userId);
      setChosen(person);
      setQuery(person?.name ?? '');
    },
    clear() {
      setChosen(undefined);
      setQuery('');
      setPeople([]);
    },
  };
}

export function PersonPicker({ picker, label, placeholder, noMatch, problem, testId, onTyped, onChosen }: {
  picker: ReturnType<typeof usePersonPicker>;
  label: string;
  placeholder: string;
  /** Shown as a disabled option when a search finds no one. */
  noMatch: string;
  /** The field's validation message, if any. */
  problem?: string;
  testId?: string;
  onTyped?(): void;
  onChosen?(): void;
}) {
  const s = useAdminStyles();
  const { query, people, chosen } = picker;
  return (
    <Field label={label} className={s.field} validationState={problem ? 'error' : undefined} validationMessage={problem}>
      <Combobox
        placeholder={placeholder}
        value={query}
        selectedOptions={chosen ? [chosen.userId] : []}
        data-testid={testId}
        onInput={(e) => {
          picker.typed((e.target as HTMLInputElement).value);
          onTyped?.();
        }}
        onOptionSelect={(_, d) => {
          picker.choose(d.optionValue);
          onChosen?.();
        }}
      >
        {people.map((p) => (
          <Option key={p.userId} value={p.userId} text={p.name}>
            {p.jobTitle ? `${p.name} · ${p.jobTitle}` : p.name}
          </Option>
        ))}
        {query.trim() && people.length === 0 && (
          <Option key="none" value="" text="" disabled>
            {noMatch}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
