// The checkins component's public surface: other layers import from here, never from its files.
export { validateAnswers, type AnswerValues, type Asked } from './answering';
export * from './checkins';
export * from './model';
export * from './schemas';
export type { MeetingRound } from './meeting';
