import { z } from 'zod';
import { idSchema } from '../shared/validation';
import { boundedText, userIdSchema } from '../shared/text';
import { PROJECT_STATUSES } from './model';

export const projectInputSchema = z
  .object({
    circleId: idSchema,
    title: boundedText(3, 120),
    goal: boundedText(10, 2000),
    weeksAsked: z.number({ invalid_type_error: 'must be a number of weeks' }).int('must be whole weeks').min(1, 'must be 1–52 weeks').max(52, 'must be 1–52 weeks'),
    budget: z
      .object({
        amount: z.number({ invalid_type_error: 'must be a number' }).min(0, 'cannot be negative').max(10_000_000, 'must be at most 10,000,000'),
        currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as EUR'),
      })
      .strict(),
    sponsorId: userIdSchema,
  })
  .strict();
export type ProjectInput = z.output<typeof projectInputSchema>;

export const projectDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'decline']),
    reason: z.string().trim().max(1000, 'must be at most 1000 characters').default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'decline' && v.reason.length < 3) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'say why the project is declined' });
  });
export type ProjectDecision = z.output<typeof projectDecisionSchema>;

export const projectCheckinSchema = z
  .object({
    confidence: z.number({ invalid_type_error: 'must be a number from 1 to 5' }).int('must be a whole number from 1 to 5').min(1, 'must be 1–5').max(5, 'must be 1–5'),
    note: boundedText(3, 1000),
  })
  .strict();
export const projectDoneSchema = z.object({ summary: boundedText(10, 2000) }).strict();
export const projectFilterSchema = z
  .object({ circleId: z.string().max(200).optional(), status: z.enum(PROJECT_STATUSES).optional() })
  .strict();
