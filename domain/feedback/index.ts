// The feedback component's public surface: other layers import from here, never from its files.
export * from './feedback';
export * from './model';
