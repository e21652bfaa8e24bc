import { z } from 'zod';
import { LEADERSHIP_LEVELS } from './model';

/** GET /api/lessons filters. */
export const lessonFilterSchema = z
  .object({
    practiceId: z.string().max(200).optional(),
    level: z.enum(LEADERSHIP_LEVELS).optional(),
    locale: z.enum(['en', 'es']).optional(),
  })
  .strict();
