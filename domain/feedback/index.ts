// The feedback component's public surface: other layers import from here, never from its files.
export * from './feedback';
export * from './model';
export * from './schemas';
export { type ContributorView, type OwnerView, type PitfallSignal, type SentTo, type ShownAs, type Summary, type SummaryCounts, type SummaryGroup, type ViewEntry } from './views';
export { scopeOf } from './visibility';
export { withFeedbackRollup } from './rollups';
export type { FormOptions, GiveOptions, Notice } from './intake';
