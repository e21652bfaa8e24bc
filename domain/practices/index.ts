// The practices component's public surface: other layers import from here, never from its files.
export * from './library';
export * from './model';
export * from './practices';
export * from './questions';
export * from './proposals';
export * from './schemas';
