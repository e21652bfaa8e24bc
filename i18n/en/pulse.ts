import type { CodeWords } from '../codes';

/** The words of the codes only the tab's pulse area shows (they load with its strings: tabs/src/i18n). */
export const pulse = {
  errors: {
    'pulse.closed': 'This pulse has closed: your answers can no longer be changed.',
    'pulse.leaders_only': 'Managers’ pulse figures are for senior leaders.',
  },
  signals: {
    'signal.pulse_micromanagement':
      'Managers in {group} rated their freedom to run their pilots {from:decimal} of 5 in the pulse of {fromWeek:date} and {to:decimal} in the pulse of {toWeek:date} ({answers} answers), while someone other than their owner edited, paused or closed their pilots ({overrides} in these pulses).',
    'signal.pulse_overload':
      'In the pulse of {week:date}, managers in {group} rated their workload {value:decimal} of 5 (1 = overloaded, {answers} answers); each runs on average {pilots:decimal} pilots and {teams:decimal} teams, with {openLoops:decimal} feedback items waiting and {rounds:decimal} check-ins to facilitate.',
    'signal.pulse_slow_loops':
      'Managers in {group} who own feedback took a median of {ackWeeks} weeks to acknowledge it and {actWeeks} weeks to act on it (pulse of {week:date}, {owners} owners).',
  },
} satisfies CodeWords;
