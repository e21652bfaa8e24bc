import { z } from 'zod';
import { isoDate } from '../shared/validation';

/** A manager's pulse answer from the tab: each question's value (Pulse.answer checks them against the questions). */
export const pulseAnswerSchema = z
  .object({
    values: z.record(z.string().max(40), z.union([z.string().max(1000), z.number(), z.boolean()])),
  })
  .strict();
export type PulseAnswerInput = z.output<typeof pulseAnswerSchema>;

/** A pulse is named by the Monday its period starts on. */
export const periodSchema = isoDate;

/** A managers' group, as the leader view's filter and the digest's links name it. */
export const groupKeySchema = z.string().regex(/^pulse:[\w:@.\-+/ ’'()&,]{1,300}$/u);
