import { z } from 'zod';
import { idSchema, says } from '../shared/validation';
import { boundedText, userIdSchema } from '../shared/text';
import { LEADERSHIP_ELEMENTS, LEADERSHIP_LEVELS, type LeadershipElement } from './model';

/** Goals a path holds at once: finish or remove one to add another. */
export const MAX_GOALS = 5;

const rating = z
  .number({ invalid_type_error: says('number_between', { min: 1, max: 5 }), required_error: says('path.rate_element') })
  .int(says('whole_between', { min: 1, max: 5 }))
  .min(1, says('between', { min: 1, max: 5 }))
  .max(5, says('between', { min: 1, max: 5 }));
export const pathLevelSchema = z.object({ level: z.enum(LEADERSHIP_LEVELS) }).strict();
export const assessmentSchema = z
  .object({
    ratings: z.object(Object.fromEntries(LEADERSHIP_ELEMENTS.map((e) => [e, rating])) as Record<LeadershipElement, typeof rating>).strict(),
    note: z.string().trim().max(1000).default(''),
  })
  .strict();
export const goalSchema = z.object({ text: boundedText(3, 300), pilotId: idSchema.optional(), circleId: idSchema.optional() }).strict();
export const goalPatchSchema = z.object({ text: boundedText(3, 300), status: z.enum(['open', 'done']) }).partial().strict();
export const shareSchema = z.object({ userId: userIdSchema, relation: z.enum(['manager', 'peer']), coach: z.boolean().default(true) }).strict();
export const recognitionSchema = z
  .object({ visibility: z.enum(['private', 'team']), teamId: z.string().max(200).optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.visibility === 'team' && !v.teamId) ctx.addIssue({ code: 'custom', path: ['teamId'], message: says('path.celebration_team') });
  });
export const coachingSchema = z.object({ text: boundedText(3, 2000) }).strict();
export const reviewSchema = z
  .object({ outcome: z.enum(['ready', 'not_yet']), note: z.string().trim().max(1000).default('') })
  .strict()
  .superRefine((v, ctx) => {
    if (v.outcome === 'not_yet' && v.note.length < 3) ctx.addIssue({ code: 'custom', path: ['note'], message: says('path.review_note') });
  });
