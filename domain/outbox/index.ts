// The outbox component's public surface: other layers import from here, never from its files.
export * from './activities';
export * from './outbox';
export * from './model';
export { SENDING_LEASE_MS, STOP_BEFORE_MS } from './sending-lease';
export * from './notices';
