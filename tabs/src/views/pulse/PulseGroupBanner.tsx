import { Button } from '@fluentui/react-button';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-message-bar';
import { Body1, Caption1 } from '@fluentui/react-text';
import { withAreaStrings } from '../../components/AreaStrings';
import { ErrorBar } from '../../components/ErrorBar';
import { useListStyles } from '../../components/listStyles';
import { useI18n, type MessageKey } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../useLoad';
import { getGroup, getLeaderPulse, type PulseSignal } from './api';

const KIND_LABEL: Record<PulseSignal['kind'], MessageKey> = {
  micromanagement: 'pulse.signal.micromanagement',
  overload: 'pulse.signal.overload',
  neglected_loops: 'pulse.signal.neglected_loops',
};

/**
 * The leader view filtered to a managers' group (the at-risk digest's links): which group, and
 * why it was flagged — each signal worded with its inputs, period and figures. Groups hold at
 * least k managers; nothing here is about one person.
 */
export default withAreaStrings('pulse', GroupBanner);

function GroupBanner({ group, signal, onClear }: { group: string; signal?: string; onClear: () => void }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const loaded = useLoad(async (sig) => {
    const [g, view] = await Promise.all([getGroup(api, group, sig), getLeaderPulse(api, sig)]);
    return { group: g.group, signals: view.signals.filter((x) => x.group.key === group) };
  }, [api, group]);
  if (loaded.error) return <ErrorBar error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return null;
  const { group: cell, signals } = loaded.data;
  const shown = [...signals].sort((a, b) => Number(b.kind === signal) - Number(a.kind === signal));
  return (
    <MessageBar intent={signals.length ? 'warning' : 'info'} layout="multiline" data-testid="pulse-group">
      <MessageBarBody>
        <MessageBarTitle>{t('pulse.signal.title', { group: i18n.group(cell.label) })}</MessageBarTitle>
        <Body1 as="p">{t('pulse.signal.intro', { count: cell.managers })}</Body1>
        {!shown.length && <Body1 as="p">{t('pulse.signal.none')}</Body1>}
        {shown.map((x) => (
          <div key={x.kind} data-signal={x.kind}>
            <Body1 as="p">
              <strong>{t(KIND_LABEL[x.kind])}</strong> · {i18n.word(x.code, x.params)}
            </Body1>
            <Caption1 className={s.muted}>{t('pulse.signal.inputs', { inputs: x.inputs.join(', '), from: i18n.date(x.period.from), to: i18n.date(x.period.to) })}</Caption1>
          </div>
        ))}
        <div>
          <Button appearance="transparent" onClick={onClear}>
            {t('pulse.signal.clear')}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
