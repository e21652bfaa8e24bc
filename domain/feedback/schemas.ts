import { z } from 'zod';
import { isoDate, says } from '../shared/validation';
import { FEEDBACK_TOPICS } from './model';

/** Feedback's input schemas, parsed at each edge with parseInput. */

/** A tag as browsers parse one (`<` directly followed by a name, `/`, `!` or `?`), or a script URL. */
const MARKUP = /<\/?[a-z!?][^>]*>|javascript\s*:|data\s*:\s*text\/html/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Plain text people write: trimmed, 1..max characters, no markup or control characters. */
export const plainText = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, says('empty'))
        .max(max)
        .refine((s) => !MARKUP.test(s), says('not_plain_text'))
        .refine((s) => !CONTROL.test(s), says('control_chars')),
    );

export const FEEDBACK_TEXT_MAX = 2000;

export const feedbackInputSchema = z
  .object({
    audience: z.enum(['manager', 'leaders']),
    topic: z.enum(FEEDBACK_TOPICS),
    text: plainText(FEEDBACK_TEXT_MAX),
    anonymous: z.boolean(),
    pilotId: z.string().max(200).regex(/^[\w:.-]+$/, says('invalid_id')).optional(),
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
    closed: z.boolean(),
    text: plainText(FEEDBACK_TEXT_MAX).optional(),
  })
  .strict();
export const summaryFilterSchema = z
  .object({
    // Team ids include bot-installed teams' (`team:19:…@thread.tacv2`): any printable id, no spaces.
    teamId: z.string().min(1).max(200).regex(/^[\w:.@-]+$/, says('invalid_id')).optional(),
    department: z.string().trim().min(1).max(120).optional(),
    weeks: z.coerce.number().int().min(1).max(52).optional(),
  })
  .strict();
export type SummaryFilter = z.output<typeof summaryFilterSchema>;
