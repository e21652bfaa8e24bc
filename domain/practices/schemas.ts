import { z } from 'zod';
import { boundedText } from '../shared/text';
import { idSchema } from '../shared/validation';
import { questionsSchema } from './questions';

/** What admins send to add, edit and translate practices, and managers to propose one (parsed with `parseInput`). */
const lines = (min: number, max: number) => z.array(boundedText(3, 200)).min(min).max(max);

export const practiceWordsSchema = z
  .object({
    name: boundedText(3, 80),
    summary: boundedText(10, 300),
    why: boundedText(10, 1000),
    how: lines(1, 8),
    measures: lines(1, 5),
    pitfalls: lines(0, 5).default([]),
  })
  .strict();

const practiceFields = {
  ...practiceWordsSchema.shape,
  questions: questionsSchema,
  tags: z.array(boundedText(2, 30)).max(6).default([]),
  translations: z.object({ es: practiceWordsSchema.optional() }).strict().optional(),
};

export const practiceInputSchema = z.object(practiceFields).strict();
export type PracticeInput = z.output<typeof practiceInputSchema>;

export const practicePatchSchema = z.object(practiceFields).partial().strict();
export type PracticePatch = z.output<typeof practicePatchSchema>;

/** "Adopt as practice": the pilot's words become the practice's; the manager adds a summary and pitfalls. */
export const proposalInputSchema = z
  .object({
    pilotId: idSchema,
    name: boundedText(3, 80).optional(),
    summary: boundedText(10, 300),
    pitfalls: lines(0, 5).default([]),
  })
  .strict();
export type ProposalInput = z.output<typeof proposalInputSchema>;
