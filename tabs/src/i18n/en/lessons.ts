/** The words of this area's domain codes (i18n/en/lessons.ts): they load with its strings. */
export { lessons as codes } from '../../../../i18n/en/lessons';

/** Micro-lessons: the library, reading, reach. */
export const lessons = {
  'lessons.title': 'Leadership lessons',
  'lessons.subtitle': 'A few minutes each, for every practice and every level of leadership.',
  'lessons.link': 'Leadership lessons',
  'lessons.level': 'Level',
  'lessons.anyLevel': 'Every level',
  'lessons.level.self': 'Leading yourself',
  'lessons.level.direct': 'Leading people',
  'lessons.level.group': 'Leading a group',
  'lessons.level.executive': 'Leading the organisation',
  'lessons.practiceLessons': 'Lessons for practices',
  'lessons.none': 'No lessons here.',
  'lessons.minutes': '{minutes}-minute read',
  'lessons.markRead': 'Mark as read',
  'lessons.read': 'Read',
  'lessons.reach': 'Reach',
  'lessons.reachHint': 'How many people have read each lesson. Counts only: never who.',
  'lessons.readers.one': 'Read by {count} person',
  'lessons.readers.other': 'Read by {count} people',
} as const;
