// The projects component's public surface: other layers import from here, never from its files.
export * from './model';
export * from './schemas';
export * from './projects';
export * from './challenges';
