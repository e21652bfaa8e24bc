// The anonymity component's public surface: other layers import from here, never from its files.
export * from './rules';
export * from './hierarchy';
export * from './disclosure';
export { AnonymityRepository, type MemberInfo, type TeamInfo } from './repository';
export * from './loader';
