// The pilots component's public surface: other layers import from here, never from its files.
export * from './health';
export * from './model';
export * from './pilots';
export * from './questions';
export * from './schemas';
