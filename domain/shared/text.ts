import { z } from 'zod';

/**
 * Text fields people type into the circle-family forms (circles, stories, projects, paths). Errors
 * name the bound, so a form can show "must be at most 80 characters" next to the field.
 */
export const boundedText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'is required' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`);

/** A person picked in a form: a Teams/Entra user id as the directory stores it. */
export const userIdSchema = z.string().trim().min(1, 'pick a person').max(100, 'is not a valid person id').regex(/^[\w:.@-]+$/, 'is not a valid person id');
