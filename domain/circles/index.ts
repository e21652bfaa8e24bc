// The circles component's public surface: other layers import from here, never from its files.
export * from './circles';
export * from './model';
