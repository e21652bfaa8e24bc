// The privacy component's public surface: other layers import from here, never from its files.
export * from './model';
export * from './schemas';
export { Privacy } from './privacy';
export { exportCsv } from './export';
export type { Removal } from './offboarding';
