// The organisation component's public surface: other layers import from here, never from its files.
export * from './model';
export { OrgSync } from './sync';
