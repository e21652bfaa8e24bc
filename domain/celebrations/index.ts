// The celebrations component's public surface: other layers import from here, never from its files.
export * from './celebrations';
export * from './model';
export * from './schemas';
