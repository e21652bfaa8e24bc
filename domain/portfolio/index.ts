// The portfolio component's public surface: other layers import from here, never from its files.
export * from './model';
export * from './portfolio';
export type { PilotsExportQuery } from './export';
