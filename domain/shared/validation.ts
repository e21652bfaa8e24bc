import { z } from 'zod';
import { FIELD_CODES, type FieldCode, type ParamArgs, type Params } from './codes';
import { invalid, type FieldProblem } from './errors';

/**
 * Input validation every component shares. Every edge (tab API, bot, message extension) parses
 * what people send with `parseInput`, which turns problems into a 400 naming each field with a
 * code and its params (see FIELD_CODES); each schema belongs to its component (e.g.
 * `domain/pilots/schemas.ts`).
 */
export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalid(result.error.issues.map(fieldProblem));
}

/**
 * A schema's own field code, in place of a message (zod carries messages as strings): the code,
 * then its params as JSON. Only `parseInput` reads it back.
 */
export function says<C extends FieldCode>(code: C, ...params: ParamArgs<typeof FIELD_CODES, C>): string {
  return params[0] ? `${code} ${JSON.stringify(params[0])}` : code;
}

const SAID = /^([a-z_.]+)(?: (\{.*\}))?$/;

function said(message: string): { code: FieldCode; params: Params } | undefined {
  const m = SAID.exec(message);
  if (!m || !(m[1] in FIELD_CODES)) return undefined;
  return { code: m[1] as FieldCode, params: m[2] ? (JSON.parse(m[2]) as Params) : {} };
}

const TYPE_CODES: Partial<Record<string, FieldCode>> = {
  string: 'not_text',
  number: 'not_number',
  bigint: 'not_number',
  boolean: 'not_boolean',
  array: 'not_list',
  object: 'not_object',
  date: 'not_a_date',
};

/** One zod issue as a field problem: the schema's own code, else one derived from the issue. */
function fieldProblem(issue: z.ZodIssue): FieldProblem {
  const field = issue.path.join('.') || 'body';
  const own = said(issue.message);
  if (own) return { field, ...own };
  const at = (code: FieldCode, params: Params = {}): FieldProblem => ({ field, code, params });
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return at('required');
      if (issue.expected === 'integer' && issue.received === 'float') return at('not_whole');
      return at(TYPE_CODES[issue.expected] ?? 'invalid_type');
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.type === 'string') return min <= 1 ? at('required') : at('too_short', { min });
      if (issue.type === 'array' || issue.type === 'set') return at('too_few', { min });
      return at('too_small', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.type === 'string') return at('too_long', { max });
      if (issue.type === 'array' || issue.type === 'set') return at('too_many', { max });
      return at('too_big', { max });
    }
    case 'invalid_enum_value':
      return at('invalid_choice', { options: issue.options.map(String) });
    case 'invalid_literal':
      return at('invalid_choice', { options: [String(issue.expected)] });
    case 'unrecognized_keys':
      return at('unknown_field', { keys: issue.keys });
    case 'invalid_string':
      return at('invalid_format');
    case 'invalid_date':
      return at('not_a_date');
    case 'not_multiple_of':
      return at('not_whole');
    default:
      return at('not_valid');
  }
}

/** A document id as it appears in routes and card actions. */
export const idSchema = z.string().min(1).max(200).regex(/^[\w:.-]+$/, says('invalid_id'));

/** A calendar day, YYYY-MM-DD, that exists. */
export const isoDate = z
  .string({ invalid_type_error: says('not_a_date') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, says('not_a_date'))
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), says('unreal_date'));
