import { z } from 'zod';
import { says } from './validation';

/**
 * Text fields people type into the circle-family forms (circles, stories, projects, paths).
 * Problems name the bound (`too_short {min}`, `too_long {max}`), so a form can say "must be at
 * most 80 characters" next to the field.
 */
export const boundedText = (min: number, max: number) => z.string().trim().min(min).max(max);

/** A person picked in a form: a Teams/Entra user id as the directory stores it. */
export const userIdSchema = z.string().trim().min(1, says('pick_person')).max(100, says('invalid_person')).regex(/^[\w:.@-]+$/, says('invalid_person'));
