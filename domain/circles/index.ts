// The circles component's public surface: other layers import from here, never from its files.
export * from './circles';
export * from './model';
export * from './schemas';
export type { CircleSummary, CircleView, ElectionView } from './views';
export { closeElectionOf } from './elections';
export { circleIdFor } from './repository';
// The form text schemas live in domain/shared; re-exported for the layers that took them from here.
export { boundedText, userIdSchema } from '../shared/text';
