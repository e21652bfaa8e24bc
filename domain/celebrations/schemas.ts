import { z } from 'zod';
import { says } from '../shared/validation';

/** Kudos from one person to another (tab, message extension). */
export const kudosSchema = z
  .object({
    toUserId: z.string().min(1, says('pick_person')).max(100),
    message: z.string().trim().min(3).max(500),
    visibility: z.enum(['team', 'private']).default('team'),
    teamId: z.string().max(200).optional(),
    requestId: z.string().max(100).optional(),
  })
  .strict();
export type KudosInput = z.output<typeof kudosSchema>;
