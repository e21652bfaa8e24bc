import type { SameCodes } from '../codes';
import type { lessons as en } from '../en/lessons';

/** Spanish: as ../en/lessons.ts. */
export const lessons: SameCodes<typeof en> = {
  errors: {
    'lesson.reach_leaders_only': 'Solo la dirección y las personas administradoras pueden ver el alcance de las lecciones.',
  },
};
