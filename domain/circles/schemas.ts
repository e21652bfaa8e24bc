import { z } from 'zod';
import { type Cadence } from '../pilots/model';
import { type Question } from '../practices/model';
import { cadenceSchema } from '../pilots/schemas';
import { boundedText, userIdSchema } from '../shared/text';

/** How an election is decided; shown with every election so members know the rules up front. */
export const TIE_BREAK_RULE =
  'Most votes wins. A tie goes to the tied nominee who has convened this circle least recently (never before comes first); if still tied, to the one nominated first.';
export const ROTATION_RULE =
  'With no nominees when the election closes, the sitting convenor carries on for a new term if they may stand; otherwise the role rotates to the member who has convened least recently (never before comes first), in the order people joined.';

export const CIRCLE_CADENCE: Cadence = { weekdays: [2], time: '10:00', everyWeeks: 2, reminderHours: 4, roundHours: 48 };

/** The questions of a circle's check-in: the engine's confidence/progress/blocker conventions. */
export const CIRCLE_QUESTIONS: Question[] = [
  { id: 'confidence', kind: 'scale', text: 'How confident do you feel in your leadership this fortnight? (1–5)' },
  { id: 'progress', kind: 'text', text: 'What did you try since the circle last met, and what happened?' },
  { id: 'blocker', kind: 'text', text: 'Where would the circle’s help make a difference?' },
];

export const circleInputSchema = z
  .object({
    teamId: z.string().min(1, 'pick a group chat or channel').max(200),
    name: boundedText(3, 80),
    purpose: z.string().trim().max(500, 'must be at most 500 characters').default(''),
    termWeeks: z.number().int().min(2, 'must be 2–52 weeks').max(52, 'must be 2–52 weeks').default(12),
    electionDays: z.number().int().min(1, 'must be 1–21 days').max(21, 'must be 1–21 days').default(7),
    cadence: cadenceSchema.default(CIRCLE_CADENCE),
  })
  .strict();
export type CircleInput = z.output<typeof circleInputSchema>;

export const circlePatchSchema = z
  .object({
    name: boundedText(3, 80),
    purpose: z.string().trim().max(500, 'must be at most 500 characters'),
    termWeeks: z.number().int().min(2, 'must be 2–52 weeks').max(52, 'must be 2–52 weeks'),
    electionDays: z.number().int().min(1, 'must be 1–21 days').max(21, 'must be 1–21 days'),
    cadence: cadenceSchema,
  })
  .partial()
  .strict();
export type CirclePatch = z.output<typeof circlePatchSchema>;

export const nominationSchema = z.object({ userId: userIdSchema }).strict();
export const voteSchema = z.object({ userId: userIdSchema }).strict();
export const openElectionSchema = z.object({ days: z.number().int().min(1, 'must be 1–21 days').max(21, 'must be 1–21 days').optional() }).strict();
