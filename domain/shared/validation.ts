import { z } from 'zod';
import { invalid } from './errors';

/**
 * Input validation every component shares. Every edge (tab API, bot, message extension) parses
 * what people send with `parseInput`, which turns problems into a 400 naming each field; each
 * schema belongs to its component (e.g. `domain/pilots/schemas.ts`).
 */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalid(
    result.error.issues.map((i) => ({
      field: i.path.join('.') || 'body',
      message: i.message,
    })),
  );
}

/** A document id as it appears in routes and card actions. */
export const idSchema = z.string().min(1).max(200).regex(/^[\w:.-]+$/, 'is not a valid id');

/** A calendar day, YYYY-MM-DD, that exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a real date');
