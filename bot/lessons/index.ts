export { LESSON_CARDS, lessonCard, lessonFields } from './cards';
