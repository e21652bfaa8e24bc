import { z } from 'zod';
import { OUTCOMES } from '../pilots/model';
import { idSchema, says } from '../shared/validation';
import { boundedText } from '../shared/text';
import { REACTION_KINDS } from './model';

export const storyInputSchema = z
  .object({
    pilotId: idSchema,
    tried: boundedText(10, 2000),
    happened: boundedText(10, 2000),
    change: boundedText(3, 2000),
    circleIds: z.array(idSchema).max(10, says('story.too_many_circles', { max: 10 })).default([]),
  })
  .strict();
export type StoryInput = z.output<typeof storyInputSchema>;

export const storyQuestionSchema = z.object({ text: boundedText(3, 1000) }).strict();
export const reactionSchema = z.object({ kind: z.enum(REACTION_KINDS) }).strict();
export const storyLinkSchema = z.object({ pilotId: idSchema }).strict();
export const storyShareSchema = z.object({ circleIds: z.array(idSchema).min(1, says('story.no_circles')).max(10, says('story.too_many_circles', { max: 10 })) }).strict();
export const storySearchSchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    outcome: z.enum(OUTCOMES).optional(),
    practiceId: z.string().max(80).optional(),
    circleId: z.string().max(200).optional(),
    mine: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type StorySearch = z.output<typeof storySearchSchema>;
