import { z } from 'zod';
import { isoDate } from '../shared/validation';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 22:00');

/** What a person may set about their own check-ins. */
export const preferencesSchema = z
  .object({
    timeZone: z.string().min(1).max(60).optional(),
    workDays: z.array(z.number().int().min(0).max(6)).min(1, 'pick at least one work day').max(7).optional(),
    quietHours: z.object({ from: time, to: time }).strict().nullable().optional(),
    pausedUntil: isoDate.nullable().optional(),
    optOutPublicCelebration: z.boolean().optional(),
  })
  .strict();
export type Preferences = z.output<typeof preferencesSchema>;
