import type { ERROR_CODES, FIELD_CODES, ErrorCode, FieldCode, ParamArgs, Params, Thing } from './codes';

/**
 * Errors the domain raises on purpose. Each carries the HTTP status an API edge should use and a
 * code (with its params) that every face words for its reader; anything else is an unexpected
 * fault and is never shown. The Error's own message is the code: for logs, never for people.
 */
export type ErrorKind = 'validation' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'unavailable';

const STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

/** What is wrong with one field of a request. */
export interface FieldProblem {
  field: string;
  code: FieldCode;
  params: Params;
}

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly kind: ErrorKind,
    readonly code: ErrorCode,
    readonly params: Params = {},
    readonly fields: FieldProblem[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.status = STATUS[kind];
  }
}

/** A refusal of `kind` with a code and exactly the params it declares. */
export const refusal = <C extends ErrorCode>(kind: ErrorKind, code: C, ...params: ParamArgs<typeof ERROR_CODES, C>) => new DomainError(kind, code, params[0] ?? {});

/** A field problem with exactly the params its code declares. */
export const problem = <C extends FieldCode>(field: string, code: C, ...params: ParamArgs<typeof FIELD_CODES, C>): FieldProblem => ({ field, code, params: params[0] ?? {} });

export const notFound = (thing: Thing) => new DomainError('not_found', 'not_found', { thing });
export const forbidden = <C extends ErrorCode = 'forbidden'>(code?: C, ...params: ParamArgs<typeof ERROR_CODES, C>) => new DomainError('forbidden', code ?? 'forbidden', params[0] ?? {});
export const conflict = <C extends ErrorCode>(code: C, ...params: ParamArgs<typeof ERROR_CODES, C>) => new DomainError('conflict', code, params[0] ?? {});
/** A request with field problems; `code` says more when the problem is the whole request. */
export const invalid = (fields: FieldProblem[], code: ErrorCode = 'invalid', params: Params = {}) => new DomainError('validation', code, params, fields);
