// The admin component's public surface: other layers import from here, never from its files.
export * from './admin';
export * from './schemas';
