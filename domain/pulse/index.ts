// The pulse component's public surface: other layers import from here, never from its files.
export * from './model';
export * from './schemas';
export { Pulse, type LeaderPulse, type MyPulse } from './pulse';
export { groupFigures, pulseSignals, rollup, THRESHOLDS, SIGNAL_PERIODS, type GroupFigures, type GroupPeriod } from './signals';
export { periodOf } from './scheduling';
export { loopTimes } from './managers';
