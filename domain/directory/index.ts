// The directory component's public surface: other layers import from here, never from its files.
export * from './directory';
export * from './model';
export * from './org-chains';
export { managersOf } from './rights';
export * from './schemas';
export * from './notifications';
