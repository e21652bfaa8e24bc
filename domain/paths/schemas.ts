import { z } from 'zod';
import { idSchema } from '../shared/validation';
import { boundedText, userIdSchema } from '../shared/text';
import { LEADERSHIP_ELEMENTS, LEADERSHIP_LEVELS, type LeadershipElement, type LeadershipLevel } from './model';

/** The levels and elements of leadership a path speaks of, as people read them. */
export const LEVELS: Record<LeadershipLevel, { label: string; description: string }> = {
  self: { label: 'Leading yourself', description: 'Owning your work, your growth and the example you set.' },
  direct: { label: 'Leading others directly', description: 'Leading a team you work with day to day.' },
  group: { label: 'Leading groups', description: 'Leading several teams, managers or a function.' },
  executive: { label: 'Executive leadership', description: 'Setting direction for the organisation.' },
};
export const ELEMENTS: Record<LeadershipElement, { label: string; description: string }> = {
  setting_direction: { label: 'Setting direction', description: 'Making clear where we are going and why.' },
  owning_results: { label: 'Owning results', description: 'Taking responsibility for outcomes, good and bad.' },
  influencing: { label: 'Influencing', description: 'Bringing people along without relying on authority.' },
  empowering_others: { label: 'Empowering others', description: 'Giving people room, trust and support to decide.' },
  accountability: { label: 'Accountability', description: 'Keeping commitments and holding others to theirs, fairly.' },
};
/** Goals a path holds at once: finish or remove one to add another. */
export const MAX_GOALS = 5;

const rating = z.number({ invalid_type_error: 'must be a number from 1 to 5', required_error: 'rate this element' }).int('must be a whole number from 1 to 5').min(1, 'must be 1–5').max(5, 'must be 1–5');
export const pathLevelSchema = z.object({ level: z.enum(LEADERSHIP_LEVELS) }).strict();
export const assessmentSchema = z
  .object({
    ratings: z.object(Object.fromEntries(LEADERSHIP_ELEMENTS.map((e) => [e, rating])) as Record<LeadershipElement, typeof rating>).strict(),
    note: z.string().trim().max(1000, 'must be at most 1000 characters').default(''),
  })
  .strict();
export const goalSchema = z.object({ text: boundedText(3, 300), pilotId: idSchema.optional(), circleId: idSchema.optional() }).strict();
export const goalPatchSchema = z.object({ text: boundedText(3, 300), status: z.enum(['open', 'done']) }).partial().strict();
export const shareSchema = z.object({ userId: userIdSchema, relation: z.enum(['manager', 'peer']), coach: z.boolean().default(true) }).strict();
export const recognitionSchema = z
  .object({ visibility: z.enum(['private', 'team']), teamId: z.string().max(200).optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.visibility === 'team' && !v.teamId) ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'pick the team to celebrate with' });
  });
export const coachingSchema = z.object({ text: boundedText(3, 2000) }).strict();
export const reviewSchema = z
  .object({ outcome: z.enum(['ready', 'not_yet']), note: z.string().trim().max(1000, 'must be at most 1000 characters').default('') })
  .strict()
  .superRefine((v, ctx) => {
    if (v.outcome === 'not_yet' && v.note.length < 3) ctx.addIssue({ code: 'custom', path: ['note'], message: 'say what to work on next' });
  });
