// The outbox component's public surface: other layers import from here, never from its files.
export * from './activities';
export * from './outbox';
export * from './notices';
