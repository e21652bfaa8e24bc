import { z } from 'zod';
import { isoDate, says } from '../shared/validation';
import { noticeChannelsSchema } from './notifications';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, says('not_a_time', { example: '22:00' }));

/** What a person may set about their own check-ins. */
export const preferencesSchema = z
  .object({
    timeZone: z.string().min(1).max(60).optional(),
    workDays: z.array(z.number().int().min(0).max(6)).min(1, says('directory.no_work_days')).max(7).optional(),
    quietHours: z.object({ from: time, to: time }).strict().nullable().optional(),
    pausedUntil: isoDate.nullable().optional(),
    optOutPublicCelebration: z.boolean().optional(),
    /** Where each kind of notice reaches the person (see notifications.ts). */
    notifications: noticeChannelsSchema.optional(),
  })
  .strict();
export type Preferences = z.output<typeof preferencesSchema>;
