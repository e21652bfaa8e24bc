import { z } from 'zod';

/** Kudos from one person to another (tab, message extension). */
export const kudosSchema = z
  .object({
    toUserId: z.string().min(1, 'pick a person').max(100),
    message: z.string().trim().min(3, 'must be at least 3 characters').max(500, 'must be at most 500 characters'),
    visibility: z.enum(['team', 'private']).default('team'),
    teamId: z.string().max(200).optional(),
    requestId: z.string().max(100).optional(),
  })
  .strict();
export type KudosInput = z.output<typeof kudosSchema>;
