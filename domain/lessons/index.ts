/** Micro-lessons: the built-in library, reading, reach, and the cards lessons arrive in. */
export * from './model';
export * from './schemas';
export * from './lessons';
export { BUILT_IN_LESSONS, CONVENOR_LESSON_ID } from './library';
export { lessonPlainText, renderLesson } from './render';
