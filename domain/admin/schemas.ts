import { z } from 'zod';
import { THRESHOLD_MAX, THRESHOLD_MIN } from '../anonymity/rules';
import { says } from '../shared/validation';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, says('not_a_time', { example: '22:00' }));

/** What an admin may change about the tenant: the anonymity threshold and the defaults new people start with. */
export const tenantSettingsSchema = z
  .object({
    anonymityThreshold: z.number({ invalid_type_error: says('not_whole') }).int().min(THRESHOLD_MIN).max(THRESHOLD_MAX).optional(),
    defaultTimeZone: z.string().min(1).max(60).optional(),
    workDays: z.array(z.number().int().min(0).max(6)).min(1, says('directory.no_work_days')).max(7).optional(),
    quietHours: z.object({ from: time, to: time }).strict().nullable().optional(),
  })
  .strict();
export type TenantSettingsInput = z.output<typeof tenantSettingsSchema>;
