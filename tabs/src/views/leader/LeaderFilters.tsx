import { Button } from '@fluentui/react-button';
import { Dropdown, Option } from '@fluentui/react-combobox';
import { Field } from '@fluentui/react-field';
import { DismissRegular } from '@fluentui/react-icons';
import { tokens } from '@fluentui/react-theme';
import { makeStyles } from '@griffel/react';
import { useMemo } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { LEADER_FILTER_KEYS, type LeaderFilter } from '../../router';
import { PILOT_STATUSES } from '../pilots/api';
import type { Portfolio } from './api';

/** The leader view's filters (status, practice, team, manager): a chunk of its own, see LeaderView. */
const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  filter: { flex: '1 1 180px', minWidth: 0 },
  dropdown: { minWidth: 0, width: '100%' },
  // Long team or manager names stay on one line inside the closed dropdown.
  dropdownButton: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

const ALL = '__all';

export default function LeaderFilters({ filter, facets, onChange }: { filter: LeaderFilter; facets?: Portfolio['facets']; onChange(f: LeaderFilter): void }) {
  const { t } = useI18n();
  const s = useStyles();
  const options = useMemo(
    () => ({
      status: PILOT_STATUSES.map((st) => ({ id: st as string, name: t(`status.${st}` as const) })),
      practiceId: facets?.practices.map((p) => (p.id === 'custom' ? { ...p, name: t('leader.customPractice') } : p)) ?? [],
      teamId: facets?.teams ?? [],
      managerId: facets?.managers ?? [],
    }),
    [facets, t],
  );
  const labels: Record<(typeof LEADER_FILTER_KEYS)[number], { label: MessageKey; all: MessageKey }> = {
    status: { label: 'leader.filter.status', all: 'leader.filter.allStatuses' },
    practiceId: { label: 'leader.filter.practice', all: 'leader.filter.allPractices' },
    teamId: { label: 'leader.filter.team', all: 'leader.filter.allTeams' },
    managerId: { label: 'leader.filter.manager', all: 'leader.filter.allManagers' },
  };
  const any = LEADER_FILTER_KEYS.some((k) => filter[k]);
  return (
    <div className={s.filters} role="group" aria-label={t('leader.filters')} data-testid="filters">
      {LEADER_FILTER_KEYS.map((key) => {
        const list = options[key];
        const value = filter[key];
        const selected = value ? list.find((o) => o.id === value) : undefined;
        return (
          <Field key={key} label={t(labels[key].label)} className={s.filter}>
            <Dropdown
              className={s.dropdown}
              button={{ className: s.dropdownButton }}
              data-filter={key}
              value={value ? (selected?.name ?? value) : t(labels[key].all)}
              selectedOptions={[value ?? ALL]}
              onOptionSelect={(_, d) => onChange({ ...filter, [key]: d.optionValue === ALL ? undefined : d.optionValue })}
            >
              <Option value={ALL}>{t(labels[key].all)}</Option>
              {list.map((o) => (
                <Option key={o.id} value={o.id}>
                  {o.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
      <Button appearance="subtle" icon={<DismissRegular />} disabled={!any} onClick={() => onChange({})}>
        {t('leader.filter.clear')}
      </Button>
    </div>
  );
}
