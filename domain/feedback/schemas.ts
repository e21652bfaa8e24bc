import { z } from 'zod';
import { FEEDBACK_TOPICS } from './model';

/** Feedback's input schemas, parsed at each edge with parseInput. */

/** A tag as browsers parse one (`<` directly followed by a name, `/`, `!` or `?`), or a script URL. */
const MARKUP = /<\/?[a-z!?][^>]*>|javascript\s*:|data\s*:\s*text\/html/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Plain text people write: trimmed, 1..max characters, no markup or control characters. */
export const plainText = (max: number) =>
  z
    .string({ required_error: 'is required', invalid_type_error: 'must be text' })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max, `must be at most ${max} characters`)
        .refine((s) => !MARKUP.test(s), 'must be plain text: remove HTML tags, scripts and javascript: links')
        .refine((s) => !CONTROL.test(s), 'must not contain control characters'),
    );

const isoDate = z
  .string({ invalid_type_error: 'must be a date like 2026-01-31' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a real date');

export const FEEDBACK_TEXT_MAX = 2000;

export const feedbackInputSchema = z
  .object({
    audience: z.enum(['manager', 'leaders'], { errorMap: () => ({ message: 'must be manager or leaders' }) }),
    topic: z.enum(FEEDBACK_TOPICS, { errorMap: () => ({ message: `must be one of ${FEEDBACK_TOPICS.join(', ')}` }) }),
    text: plainText(FEEDBACK_TEXT_MAX),
    anonymous: z.boolean({ required_error: 'is required', invalid_type_error: 'must be true or false' }),
    pilotId: z.string().max(200).regex(/^[\w:.-]+$/, 'is not a valid id').optional(),
  })
  .strict();
export type FeedbackInput = z.output<typeof feedbackInputSchema>;

export const replySchema = z.object({ text: plainText(FEEDBACK_TEXT_MAX) }).strict();
export const actSchema = z.object({ note: plainText(FEEDBACK_TEXT_MAX) }).strict();
export const acknowledgeSchema = z.object({ note: plainText(FEEDBACK_TEXT_MAX).optional(), dueDate: isoDate.optional() }).strict();
export type AcknowledgeInput = z.output<typeof acknowledgeSchema>;
export const closeSchema = z.object({ note: plainText(FEEDBACK_TEXT_MAX).optional() }).strict();
export const confirmSchema = z
  .object({
    closed: z.boolean({ required_error: 'is required', invalid_type_error: 'must be true or false' }),
    text: plainText(FEEDBACK_TEXT_MAX).optional(),
  })
  .strict();
export const summaryFilterSchema = z
  .object({
    teamId: z.string().max(200).regex(/^[\w:.-]+$/, 'is not a valid id').optional(),
    department: z.string().trim().min(1).max(120).optional(),
    weeks: z.coerce.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(52, 'must be at most 52').optional(),
  })
  .strict();
export type SummaryFilter = z.output<typeof summaryFilterSchema>;
