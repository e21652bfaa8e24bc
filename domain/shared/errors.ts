/**
 * Errors the domain raises on purpose. Each carries the HTTP status an API edge should use and a
 * message safe to show a person; anything else is an unexpected fault and is never shown.
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

export interface FieldProblem {
  field: string;
  message: string;
}

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = STATUS[kind];
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found.`);
export const forbidden = (why = 'You do not have permission to do that.') => new DomainError('forbidden', why);
export const conflict = (why: string) => new DomainError('conflict', why);
export const invalid = (fields: FieldProblem[]) =>
  new DomainError('validation', fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
