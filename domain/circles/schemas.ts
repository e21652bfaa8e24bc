import { z } from 'zod';
import { type Cadence } from '../pilots/model';
import { type Question } from '../practices/model';
import { cadenceSchema } from '../pilots/schemas';
import { boundedText, userIdSchema } from '../shared/text';
import { says } from '../shared/validation';

/**
 * How an election is decided (ties, and nobody standing), shown with every election so members
 * know the rules up front; each face words the codes (see domain/circles/elections.ts).
 */
export const ELECTION_RULES = ['circle.rule.tie_break', 'circle.rule.rotation'] as const;

export const CIRCLE_CADENCE: Cadence = { weekdays: [2], time: '10:00', everyWeeks: 2, reminderHours: 4, roundHours: 48 };

/** The questions of a circle's check-in: the engine's confidence/progress/blocker conventions. */
export const CIRCLE_QUESTIONS: Question[] = [
  { id: 'confidence', kind: 'scale', text: 'How confident do you feel in your leadership this fortnight? (1–5)' },
  { id: 'progress', kind: 'text', text: 'What did you try since the circle last met, and what happened?' },
  { id: 'blocker', kind: 'text', text: 'Where would the circle’s help make a difference?' },
];

export const circleInputSchema = z
  .object({
    teamId: z.string().min(1, says('circle.pick_conversation')).max(200),
    name: boundedText(3, 80),
    purpose: z.string().trim().max(500).default(''),
    termWeeks: z.number().int().min(2, says('weeks_between', { min: 2, max: 52 })).max(52, says('weeks_between', { min: 2, max: 52 })).default(12),
    electionDays: z.number().int().min(1, says('days_between', { min: 1, max: 21 })).max(21, says('days_between', { min: 1, max: 21 })).default(7),
    cadence: cadenceSchema.default(CIRCLE_CADENCE),
  })
  .strict();
export type CircleInput = z.output<typeof circleInputSchema>;

export const circlePatchSchema = z
  .object({
    name: boundedText(3, 80),
    purpose: z.string().trim().max(500),
    termWeeks: z.number().int().min(2, says('weeks_between', { min: 2, max: 52 })).max(52, says('weeks_between', { min: 2, max: 52 })),
    electionDays: z.number().int().min(1, says('days_between', { min: 1, max: 21 })).max(21, says('days_between', { min: 1, max: 21 })),
    cadence: cadenceSchema,
  })
  .partial()
  .strict();
export type CirclePatch = z.output<typeof circlePatchSchema>;

export const nominationSchema = z.object({ userId: userIdSchema }).strict();
export const voteSchema = z.object({ userId: userIdSchema }).strict();
export const openElectionSchema = z.object({ days: z.number().int().min(1, says('days_between', { min: 1, max: 21 })).max(21, says('days_between', { min: 1, max: 21 })).optional() }).strict();
