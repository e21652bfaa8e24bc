/**
 * The shapes every area shares: who is signed in, and the per-field problems of a refused call.
 * Each area's own shapes live in its `api.ts`. Type-only imports from the domain keep the tab in
 * step with the server at compile time without bundling any server code.
 */
import type { Role } from '../../../domain/shared/caller';
import type { ErrorBody } from '../../../platform/http';

/**
 * A field problem as the API sends it: a code with its params (which the tab words in its
 * reader's language) and the server's own wording of it.
 */
export type FieldProblem = Pick<NonNullable<ErrorBody['error']['fields']>[number], 'field' | 'message'> & Partial<Pick<NonNullable<ErrorBody['error']['fields']>[number], 'code' | 'params'>>;
export type { Role };

export interface Me {
  user: { id: string; name: string; roles: Role[] };
  tenant: { id: string; name: string; anonymityThreshold: number };
}
