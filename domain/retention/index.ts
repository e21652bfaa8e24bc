// The retention component's public surface: other layers import from here, never from its files.
export * from './policy';
export * from './retention';
export * from './schemas';
export { RetentionStamping } from './stamping';
