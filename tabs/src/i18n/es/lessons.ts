import type { Translation } from '../en';
import type { lessons as en } from '../en/lessons';

/** The words of this area's domain codes (i18n/es/lessons.ts): they load with its strings. */
export { lessons as codes } from '../../../../i18n/es/lessons';

export const lessons: Translation<typeof en> = {
  'lessons.title': 'Lecciones de liderazgo',
  'lessons.subtitle': 'Unos minutos cada una, para cada práctica y cada nivel de liderazgo.',
  'lessons.link': 'Lecciones de liderazgo',
  'lessons.level': 'Nivel',
  'lessons.anyLevel': 'Todos los niveles',
  'lessons.level.self': 'Liderarte a ti',
  'lessons.level.direct': 'Liderar personas',
  'lessons.level.group': 'Liderar un grupo',
  'lessons.level.executive': 'Liderar la organización',
  'lessons.practiceLessons': 'Lecciones de prácticas',
  'lessons.none': 'No hay lecciones aquí.',
  'lessons.minutes': 'Lectura de {minutes} minutos',
  'lessons.markRead': 'Marcar como leída',
  'lessons.read': 'Leída',
  'lessons.reach': 'Alcance',
  'lessons.reachHint': 'Cuántas personas han leído cada lección. Solo recuentos: nunca quién.',
  'lessons.readers.one': 'Leída por {count} persona',
  'lessons.readers.other': 'Leída por {count} personas',
};
