import { z } from 'zod';
import { idSchema, says } from '../shared/validation';
import { boundedText, userIdSchema } from '../shared/text';
import { PROJECT_STATUSES } from './model';

export const projectInputSchema = z
  .object({
    circleId: idSchema,
    title: boundedText(3, 120),
    goal: boundedText(10, 2000),
    weeksAsked: z
      .number({ invalid_type_error: says('not_weeks') })
      .int(says('not_whole_weeks'))
      .min(1, says('weeks_between', { min: 1, max: 52 }))
      .max(52, says('weeks_between', { min: 1, max: 52 })),
    budget: z
      .object({
        amount: z.number().min(0, says('negative')).max(10_000_000),
        currency: z.string().regex(/^[A-Z]{3}$/, says('not_currency')),
      })
      .strict(),
    sponsorId: userIdSchema,
    /** The organisation challenge this project takes up. */
    challengeId: idSchema.optional(),
  })
  .strict();
export type ProjectInput = z.output<typeof projectInputSchema>;

export const projectDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'decline']),
    reason: z.string().trim().max(1000).default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'decline' && v.reason.length < 3) ctx.addIssue({ code: 'custom', path: ['reason'], message: says('project.decline_reason') });
  });
export type ProjectDecision = z.output<typeof projectDecisionSchema>;

export const projectCheckinSchema = z
  .object({
    confidence: z
      .number({ invalid_type_error: says('number_between', { min: 1, max: 5 }) })
      .int(says('whole_between', { min: 1, max: 5 }))
      .min(1, says('between', { min: 1, max: 5 }))
      .max(5, says('between', { min: 1, max: 5 })),
    note: boundedText(3, 1000),
  })
  .strict();
export const projectDoneSchema = z.object({ summary: boundedText(10, 2000) }).strict();
export const projectFilterSchema = z
  .object({ circleId: z.string().max(200).optional(), status: z.enum(PROJECT_STATUSES).optional() })
  .strict();

export const challengeInputSchema = z
  .object({
    title: boundedText(3, 120),
    problem: boundedText(10, 2000),
  })
  .strict();
export type ChallengeInput = z.output<typeof challengeInputSchema>;
